package io.cathalog.cli;

import io.cathalog.core.model.Store;
import io.cathalog.core.sync.AuditFinding;
import io.cathalog.core.sync.AuditReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit page on its own: store names, the account's time, and well-formed XML whatever Bling holds. */
class HtmlAuditTest {
    /** Every kind of character XML 1.0 forbids, inside an otherwise ordinary name. */
    static final String FORBIDDEN = "Ca\u0000l\u0001\u0008\u000B\u000C\u000E\u001F\uFFFE\uFFFF\uD800ç\uDC00ados";

    static final List<Store> STORES = List.of(
            new Store("mercadolivre", 205000000001L, "mercadolivre", "Mercado Livre - Loja Oficial", Map.of()),
            new Store("shopee", 205000000002L, "shopee", "Shopee Brasil", Map.of()));

    static Document parse(String xhtml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new InputSource(new StringReader(xhtml)));
    }

    private static List<String> texts(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void storeSectionsAreNamedByTheCatalogsStoreWhetherAFindingGivesItsKeyOrItsErpId() throws Exception {
        AuditReport audit = new AuditReport("demo", Instant.parse("2026-12-03T09:21:56.123456789Z"), List.of(
                new AuditFinding("store-requirement", "FONE-1", Optional.of("mercadolivre"), "no GTIN"),
                new AuditFinding("link-to-unknown-product", "#9", Optional.of("205000000002"), "links #9"),
                new AuditFinding("store-requirement", "FONE-2", Optional.of("elsewhere"), "not in the catalog")));

        Document doc = parse(HtmlAudit.render(audit, List.of(), HtmlAudit.storeNames(STORES), Reports.ACCOUNT_ZONE));

        assertThat(texts(doc, "h3")).containsExactlyInAnyOrder("Mercado Livre - Loja Oficial (mercadolivre) (1)",
                "Shopee Brasil (shopee) (1)", "elsewhere (1)");
    }

    @Test
    void theTimeIsTheAccountsToTheSecond() throws Exception {
        AuditReport audit = new AuditReport("demo", Instant.parse("2026-12-03T09:21:56.123456789Z"), List.of());

        String html = HtmlAudit.render(audit, List.of(), Map.of(), Reports.ACCOUNT_ZONE);

        assertThat(parse(html).getDocumentElement().getTextContent())
                .contains("At 2026-12-03 06:21:56 -03:00 (America/Sao_Paulo):").doesNotContain("123456789")
                .doesNotContain("09:21:56");
    }

    @Test
    void charactersXmlForbidsAreRemovedAndTheRestIsKept() throws Exception {
        String evil = "<b>" + FORBIDDEN + "</b> & \"\uD83D\uDE00\"";
        AuditReport audit = new AuditReport("demo" + FORBIDDEN, Instant.parse("2026-12-03T09:21:56Z"), List.of(
                new AuditFinding("duplicate-category-name" + FORBIDDEN, evil, Optional.of("x" + FORBIDDEN), evil),
                new AuditFinding("needs-attention", evil, Optional.empty(), evil)));
        List<HtmlAudit.TreeRow> tree = List.of(new HtmlAudit.TreeRow(evil, "k" + FORBIDDEN, 1, 2, 1));

        String html = HtmlAudit.render(audit, tree, Map.of(), Reports.ACCOUNT_ZONE);
        Document doc = parse(html);

        String clean = "<b>Calçados</b> & \"\uD83D\uDE00\"";
        assertThat(doc.getDocumentElement().getTextContent()).contains(clean).contains("demoCalçados")
                .contains("xCalçados (1)");
        assertThat(html.codePoints()).noneMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                .noneMatch(c -> c == 0xFFFE || c == 0xFFFF || (c >= 0xD800 && c <= 0xDFFF));
    }
}
