package io.cathalog.bling.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The route table: every path, method, scope and accepted query parameter, named as in the spec. */
final class Routes {
    private static final Set<String> PAGE = Set.of("pagina", "limite");

    private Routes() {
    }

    static List<Route> all(OAuthService oauth) {
        List<Route> r = new ArrayList<>();
        // OAuth: not in the OpenAPI file (Bling documents it in its guides only).
        r.add(new Route("GET", "/oauth/authorize", Optional.empty(), Set.of(), false, oauth::authorizePage));
        r.add(new Route("POST", "/oauth/authorize", Optional.empty(), Set.of(), false, oauth::authorizeDecision));
        r.add(new Route("POST", "/oauth/token", Optional.empty(), Set.of(), false, oauth::token));

        Scope cat = Scope.PRODUCT_CATEGORIES;
        api(r, "GET", "/categorias/produtos", cat, PAGE, Catalog::listCategories);
        api(r, "POST", "/categorias/produtos", cat, Set.of(), Catalog::createCategory);
        api(r, "GET", "/categorias/produtos/{idCategoriaProduto}", cat, Set.of(), Catalog::getCategory);
        api(r, "PUT", "/categorias/produtos/{idCategoriaProduto}", cat, Set.of(), Catalog::updateCategory);
        api(r, "DELETE", "/categorias/produtos/{idCategoriaProduto}", cat, Set.of(), Catalog::deleteCategory);

        Scope links = Scope.STORE_LINKS;
        api(r, "GET", "/categorias/lojas", links, with(PAGE, "idLoja", "idCategoriaProduto", "idCategoriaProdutoPai"),
                Catalog::listCategoryStoreLinks);
        api(r, "POST", "/categorias/lojas", links, Set.of(), Catalog::createCategoryStoreLink);
        api(r, "GET", "/categorias/lojas/{idCategoriaLoja}", links, Set.of(), Catalog::getCategoryStoreLink);
        api(r, "PUT", "/categorias/lojas/{idCategoriaLoja}", links, Set.of(), Catalog::updateCategoryStoreLink);
        api(r, "DELETE", "/categorias/lojas/{idCategoriaLoja}", links, Set.of(), Catalog::deleteCategoryStoreLink);

        Scope prod = Scope.PRODUCTS;
        api(r, "GET", "/produtos", prod, Products.LIST_PARAMS, Products::list);
        api(r, "POST", "/produtos", prod, Set.of(), Products::create);
        api(r, "DELETE", "/produtos", prod, Set.of("idsProdutos[]"), Products::deleteMany);
        api(r, "GET", "/produtos/variacoes/{idProdutoPai}", prod, Set.of(), Products::variations);
        api(r, "PATCH", "/produtos/variacoes/{idProdutoPai}/atributos", prod, Set.of(), Products::renameAttribute);
        api(r, "POST", "/produtos/variacoes/atributos/gerar-combinacoes", prod, Set.of(), Products::combinations);
        api(r, "GET", "/produtos/{idProduto}", prod, Set.of(), Products::get);
        api(r, "PUT", "/produtos/{idProduto}", prod, Set.of(), Products::replace);
        api(r, "PATCH", "/produtos/{idProduto}", prod, Set.of(), Products::patch);
        api(r, "DELETE", "/produtos/{idProduto}", prod, Set.of(), Products::delete);
        api(r, "PATCH", "/produtos/{idProduto}/situacoes", prod, Set.of(), Products::situation);
        api(r, "POST", "/produtos/situacoes", prod, Set.of(), Products::situationMany);

        api(r, "GET", "/produtos/lojas", links, with(PAGE, "idProduto", "idLoja", "idCategoriaProduto",
                "dataAlteracaoInicial", "dataAlteracaoFinal"), Catalog::listStoreLinks);
        api(r, "POST", "/produtos/lojas", links, Set.of(), Catalog::createStoreLink);
        api(r, "GET", "/produtos/lojas/{idProdutoLoja}", links, Set.of(), Catalog::getStoreLink);
        api(r, "PUT", "/produtos/lojas/{idProdutoLoja}", links, Set.of(), Catalog::replaceStoreLink);
        api(r, "DELETE", "/produtos/lojas/{idProdutoLoja}", links, Set.of(), Catalog::deleteStoreLink);

        Scope cf = Scope.CUSTOM_FIELDS;
        api(r, "GET", "/campos-customizados/modulos", cf, Set.of(), CustomFields::modules);
        api(r, "GET", "/campos-customizados/tipos", cf, Set.of(), CustomFields::types);
        api(r, "GET", "/campos-customizados/modulos/{idModulo}", cf, PAGE, CustomFields::byModule);
        api(r, "GET", "/campos-customizados/{idCampoCustomizado}", cf, Set.of(), CustomFields::get);
        api(r, "POST", "/campos-customizados", cf, Set.of(), CustomFields::create);
        api(r, "PUT", "/campos-customizados/{idCampoCustomizado}", cf, Set.of(), CustomFields::update);
        api(r, "DELETE", "/campos-customizados/{idCampoCustomizado}", cf, Set.of(), CustomFields::delete);
        api(r, "PATCH", "/campos-customizados/{idCampoCustomizado}/situacoes", cf, Set.of(), CustomFields::situation);

        Scope ch = Scope.SALES_CHANNELS;
        api(r, "GET", "/canais-venda", ch, with(PAGE, "tipos[]", "situacao", "agrupador"), Channels::list);
        api(r, "GET", "/canais-venda/tipos", ch, Set.of("agrupador"), Channels::types);
        api(r, "GET", "/canais-venda/{idCanalVenda}", ch, Set.of(), Channels::get);

        api(r, "GET", "/empresas/me/dados-basicos", Scope.COMPANY, Set.of(), Channels::company);

        // Listings (anúncios, issue 18): tipoIntegracao and idLoja are required wherever the spec lists them.
        Scope ads = Scope.LISTINGS;
        Set<String> adScope = Listings.SCOPE_PARAMS;
        api(r, "GET", "/anuncios/categorias", ads, with(adScope, "idCategoria", "tipoProduto"), Listings::categories);
        api(r, "GET", "/anuncios/categorias/{idCategoria}", ads, adScope, Listings::category);
        api(r, "GET", "/anuncios", ads, with(PAGE, "situacao", "idProduto", "tipoIntegracao", "idLoja"), Listings::list);
        api(r, "POST", "/anuncios", ads, Set.of(), Listings::create);
        api(r, "GET", "/anuncios/{idAnuncio}", ads, adScope, Listings::get);
        api(r, "PUT", "/anuncios/{idAnuncio}", ads, Set.of(), Listings::update);
        api(r, "DELETE", "/anuncios/{idAnuncio}", ads, adScope, Listings::delete);
        api(r, "POST", "/anuncios/{idAnuncio}/publicar", ads, adScope, Listings::publish);
        api(r, "POST", "/anuncios/{idAnuncio}/pausar", ads, adScope, Listings::pause);
        return List.copyOf(r);
    }

    private static void api(List<Route> r, String method, String template, Scope scope, Set<String> params,
            Route.Handler h) {
        r.add(new Route(method, template, Optional.of(scope), params, true, h));
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> s = new java.util.HashSet<>(base);
        s.addAll(List.of(more));
        return Set.copyOf(s);
    }
}
