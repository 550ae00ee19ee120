package dev.gatehouse.engine.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordMatcherTest {

    @Test
    void findsOverlappingWordsInEndOrderLongestFirst() {
        WordMatcher matcher = WordMatcher.of(List.of("he", "she", "his", "hers"));

        assertThat(matcher.findAll("ushers")).containsExactly(
                new WordMatch(1, 4, "she"), new WordMatch(2, 4, "he"), new WordMatch(2, 6, "hers"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "BadWord   | a BADWORD here   | 2 | 9 | BadWord",
            "敏感词     | 这是一个敏感词测试 | 4 | 7 | 敏感词",
            "法轮       | 法法轮             | 1 | 3 | 法轮",
            "😀x        | a😀X              | 1 | 4 | 😀x",
    })
    void findsWordsIgnoringAsciiCaseAndReportsTheConfiguredSpelling(
            String word, String text, int start, int end, String reported) {
        assertThat(WordMatcher.of(List.of(word)).findAll(text)).containsExactly(new WordMatch(start, end, reported));
    }

    @Test
    void caseOfNonAsciiLettersIsNotFolded() {
        assertThat(WordMatcher.of(List.of("ärger")).findAll("ÄRGER Ärger ärger"))
                .containsExactly(new WordMatch(12, 17, "ärger"));
    }

    @Test
    void wordsEqualIgnoringAsciiCaseAreKeptOnceWithTheFirstSpelling() {
        assertThat(WordMatcher.of(List.of("Bad", "BAD", "bad")).findAll("bad"))
                .containsExactly(new WordMatch(0, 3, "Bad"));
    }

    @Test
    void findFirstStopsAtTheEarliestEndingWord() {
        WordMatcher matcher = WordMatcher.of(List.of("abcd", "bc"));

        assertThat(matcher.findFirst("xabcd")).contains(new WordMatch(2, 4, "bc"));
        assertThat(matcher.findFirst("xyz")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "bad words, Bad!     | *** words, ***!",
            "BAD敏感词            | *****词",
            "say 😀 now          | say * now",
            "badad               | *****",
            "nothing to see      | nothing to see",
    })
    void maskReplacesEachMatchedCodePointWithOneStar(String text, String masked) {
        WordMatcher matcher = WordMatcher.of(List.of("bad", "ad", "敏感", "😀"));

        assertThat(matcher.mask(text)).isEqualTo(masked);
    }

    @Test
    void emptyWordIsRejected() {
        assertThatThrownBy(() -> WordMatcher.of(List.of("ok", ""))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noWordsMatchNothing() {
        WordMatcher matcher = WordMatcher.of(List.of());

        assertThat(matcher.isEmpty()).isTrue();
        assertThat(matcher.findAll("anything")).isEmpty();
        assertThat(matcher.mask("anything")).isEqualTo("anything");
    }

    @Test
    void agreesWithBruteForceOnRandomWordsAndTexts() {
        // A two-letter alphabet makes words overlap and share prefixes and suffixes all the time,
        // which is where failure and output links go wrong.
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 1 + random.nextInt(8); w++) {
                words.add(randomString(random, "abAB", 1 + random.nextInt(5)));
            }
            String text = randomString(random, "abAB", random.nextInt(40));

            assertThat(new HashSet<>(WordMatcher.of(words).findAll(text)))
                    .as("words %s in %s", words, text)
                    .isEqualTo(bruteForce(words, text));
        }
    }

    @Test
    void tenThousandWordsOverOneMegabyteFindEveryPlantedWord() {
        Random random = new Random(42);
        String letters = "abcdefghijklmnopqrstuvwxyz的一是不了人我在有他这为之大来以个中上们";
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            words.add(randomString(random, letters, 3 + random.nextInt(6)));
        }
        WordMatcher matcher = WordMatcher.of(words);
        // Filler shares no character with the words, so every match lies inside a planted word.
        StringBuilder text = new StringBuilder();
        List<WordMatch> planted = new ArrayList<>();
        while (text.length() < 1_000_000) {
            text.append(randomString(random, " .,0123456789", 20 + random.nextInt(200)));
            String word = words.get(random.nextInt(words.size()));
            planted.add(new WordMatch(text.length(), text.length() + word.length(), word));
            text.append(word.toUpperCase());
        }

        List<WordMatch> found = matcher.findAll(text);

        assertThat(found).containsAll(planted);
        assertThat(found).allSatisfy(m ->
                assertThat(text.substring(m.start(), m.end())).isEqualToIgnoringCase(m.word()));
    }

    private static Set<WordMatch> bruteForce(List<String> words, String text) {
        Set<WordMatch> matches = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (String word : words) {
            if (!seen.add(word.toLowerCase())) {
                continue;
            }
            for (int at = 0; at + word.length() <= text.length(); at++) {
                if (text.regionMatches(true, at, word, 0, word.length())) {
                    matches.add(new WordMatch(at, at + word.length(), word));
                }
            }
        }
        return matches;
    }

    static String randomString(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }
}
