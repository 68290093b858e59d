package io.cathalog.core.model;

import io.cathalog.core.Problem;
import io.cathalog.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CategoryTreeTest {

    private static final List<Category> SHOP = List.of(
            Category.child("headphones", "Fones de Ouvido", "audio"),
            Category.root("electronics", "Eletrônicos"),
            Category.child("audio", "Áudio", "electronics"),
            Category.child("speakers", "Caixas de Som", "audio"),
            Category.root("home", "Casa"));

    @Test
    void looksUpByKeyAndByPathIgnoringCaseAndAccents() {
        CategoryTree tree = CategoryTree.of(SHOP);
        assertThat(tree.byKey("audio")).map(Category::name).contains("Áudio");
        assertThat(tree.byKey("nope")).isEmpty();
        assertThat(tree.byPath("eletronicos > AUDIO > fones de ouvido")).map(Category::key).contains("headphones");
        assertThat(tree.byPath(List.of("Eletrônicos", "Áudio"))).map(Category::key).contains("audio");
        assertThat(tree.byPath("Eletrônicos > Casa")).isEmpty();
        assertThat(tree.pathName("speakers")).isEqualTo("Eletrônicos > Áudio > Caixas de Som");
        assertThat(tree.depth("headphones")).isEqualTo(3);
        assertThat(tree.parent("audio")).map(Category::key).contains("electronics");
        assertThat(tree.children("audio")).extracting(Category::key).containsExactly("headphones", "speakers");
        assertThat(tree.isLeaf("speakers")).isTrue();
        assertThat(tree.isLeaf("audio")).isFalse();
    }

    @Test
    void ordersParentsBeforeChildrenAndBack() {
        CategoryTree tree = CategoryTree.of(SHOP);
        List<String> parentFirst = tree.parentFirst().stream().map(Category::key).toList();
        assertThat(parentFirst).containsExactly("electronics", "home", "audio", "headphones", "speakers");
        List<String> childFirst = tree.childFirst().stream().map(Category::key).toList();
        assertThat(childFirst.indexOf("headphones")).isLessThan(childFirst.indexOf("audio"));
        assertThat(childFirst.indexOf("audio")).isLessThan(childFirst.indexOf("electronics"));
    }

    @Test
    void reportsEveryProblemAtOnceWithItsPointer() {
        List<Category> broken = List.of(
                Category.root("a", "Eletrônicos"),
                Category.root("a", "Outra"),                       // duplicate key
                Category.child("b", "Fones", "missing"),           // unknown parent
                Category.root("c", "ELETRONICOS"),                 // sibling clash, case and accents
                Category.child("x", "X", "y"),                      // cycle x -> y -> x
                Category.child("y", "Y", "x"));
        List<Problem> problems = CategoryTree.problems(broken);
        assertThat(problems).extracting(Problem::pointer)
                .containsExactlyInAnyOrder("/1/key", "/2/parent", "/3/name", "/4/parent");
        assertThat(problems).extracting(Problem::message).anySatisfy(m -> assertThat(m)
                .contains("cycle").contains("x -> y -> x"));
        assertThatThrownBy(() -> CategoryTree.of(broken))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("4 problems");
    }

    @Test
    void siblingsMayShareANameOnlyUnderDifferentParents() {
        CategoryTree tree = CategoryTree.of(List.of(
                Category.root("men", "Masculino"), Category.root("women", "Feminino"),
                Category.child("men-shoes", "Calçados", "men"), Category.child("women-shoes", "Calçados", "women")));
        assertThat(tree.size()).isEqualTo(4);
    }

    @Test
    void refusesTreesDeeperThanTheLimit() {
        List<Category> chain = new ArrayList<>();
        chain.add(Category.root("c0", "Level 0"));
        for (int i = 1; i <= CategoryTree.MAX_DEPTH; i++) {
            chain.add(Category.child("c" + i, "Level " + i, "c" + (i - 1)));
        }
        List<Problem> problems = CategoryTree.problems(chain);
        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.pointer()).isEqualTo("/" + CategoryTree.MAX_DEPTH + "/parent");
            assertThat(p.message()).contains("depth 11");
        });
        assertThat(CategoryTree.problems(chain.subList(0, CategoryTree.MAX_DEPTH))).isEmpty();
    }

    @Test
    void validatesEachCategoryOnItsOwn() {
        assertThatThrownBy(() -> Category.root("ok", "x".repeat(Category.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("/name").hasMessageContaining("at most 120");
        assertThatThrownBy(() -> Category.root("has space", "Name")).hasMessageContaining("invalid key");
        assertThatThrownBy(() -> Category.root("k", " padded")).hasMessageContaining("white space");
        assertThatThrownBy(() -> Category.root("k", "  ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Category.child("k", "Self", "k")).hasMessageContaining("its own parent");
        assertThatThrownBy(() -> new Category("k", "Name", null)).isInstanceOf(NullPointerException.class);
        assertThat(Category.root("k", "Nome com acentuação").parentKey()).isEqualTo(Optional.empty());
    }
}
