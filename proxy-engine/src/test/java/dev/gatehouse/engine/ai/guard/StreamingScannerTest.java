package dev.gatehouse.engine.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StreamingScannerTest {

    private static final WordMatcher WORDS = WordMatcher.of(List.of("secret", "敏感词", "bad"));

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the sec/ret plan   | 4 | 10 | secret",
            "the s/ecr/et plan  | 4 | 10 | secret",
            "s/e/c/r/e/t        | 0 | 6  | secret",
            "这是敏/感词         | 2 | 5  | 敏感词",
            "这是敏/感/词        | 2 | 5  | 敏感词",
            "all B/A/D          | 4 | 7  | bad",
    })
    void blockCatchesAWordSplitAcrossPieces(String pieces, int start, int end, String word) {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.BLOCK);
        String[] split = pieces.split("/");

        for (int i = 0; i < split.length - 1; i++) {
            ScanDecision decision = scanner.feed(split[i]);
            assertThat(decision.blocked()).isFalse();
            assertThat(decision.text()).as("forwarded unchanged").isEqualTo(split[i]);
        }
        ScanDecision last = scanner.feed(split[split.length - 1]);

        assertThat(last.blocked()).isTrue();
        assertThat(last.blockedBy()).isEqualTo(new WordMatch(start, end, word));
        assertThat(scanner.outcome().logValue()).isEqualTo("block");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "the sec/ret plan      | the ****** plan",
            "the s/ecr/et plan     | the ****** plan",
            "这是敏/感词!           | 这是***!",
            "这是敏/感/词           | 这是***",
            "B/A/D and b/ad        | *** and ***",
            "secre/ts are not bad/ | ******s are not ***",
    })
    void maskCatchesAWordSplitAcrossPieces(String pieces, String expected) {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.MASK);

        assertThat(streamed(scanner, pieces.split("/"))).isEqualTo(expected);
        assertThat(scanner.outcome().logValue()).isEqualTo("mask");
    }

    @Test
    void maskedStreamEqualsMaskedWholeTextForEveryTwoAndThreeWaySplit() {
        String text = "A secret: bad敏感词, secre, badsecretbad, 敏感 and 😀 end sec";
        String expected = maskByFindAll(WORDS, text);

        for (int i = 0; i <= text.length(); i++) {
            for (int j = i; j <= text.length(); j++) {
                String[] pieces = {text.substring(0, i), text.substring(i, j), text.substring(j)};
                assertThat(streamed(WORDS.newScanner(GuardMode.MASK), pieces)).as("split at %d, %d", i, j)
                        .isEqualTo(expected);
            }
        }
        assertThat(WORDS.mask(text)).isEqualTo(expected);
    }

    @Test
    void maskedStreamEqualsMaskedWholeTextForRandomWordsAndPieces() {
        Random random = new Random(11);
        for (int round = 0; round < 500; round++) {
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 1 + random.nextInt(5); w++) {
                words.add(WordMatcherTest.randomString(random, "abc", 1 + random.nextInt(5)));
            }
            WordMatcher matcher = WordMatcher.of(words);
            String text = WordMatcherTest.randomString(random, "abcd", random.nextInt(30));
            List<String> pieces = new ArrayList<>();
            for (int at = 0; at < text.length(); ) {
                int next = Math.min(text.length(), at + random.nextInt(4));
                pieces.add(text.substring(at, next));
                at = next;
            }

            assertThat(streamed(matcher.newScanner(GuardMode.MASK), pieces.toArray(String[]::new)))
                    .as("words %s pieces %s", words, pieces)
                    .isEqualTo(maskByFindAll(matcher, text));
        }
    }

    @Test
    void maskHoldsBackOnlyAPossibleWordStartAndReleasesItUnmaskedAtTheEnd() {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.MASK);

        assertThat(scanner.feed("keep it secr").text()).isEqualTo("keep it ");
        assertThat(scanner.flush()).isEqualTo("secr");
        assertThat(scanner.outcome().logValue()).isEqualTo("pass");
    }

    @Test
    void maskHoldsAtMostMaxWordLengthMinusOneChars() {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.MASK);

        String out = scanner.feed("xxxsecre").text();

        assertThat(out).isEqualTo("xxx");
        assertThat("xxxsecre".length() - out.length()).isEqualTo(WORDS.maxWordLength() - 1);
    }

    @Test
    void maskReleasesACompleteWordAtOnceWhenNothingCanExtendIt() {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.MASK);

        assertThat(scanner.feed("so bad").text()).isEqualTo("so ***");
        assertThat(scanner.flush()).isEmpty();
    }

    @Test
    void maskCoversALongerWordThatStartsBeforeAShorterOneFoundEarlier() {
        StreamingScanner scanner = WordMatcher.of(List.of("c", "aca")).newScanner(GuardMode.MASK);

        assertThat(streamed(scanner, "xa", "c", "ax")).isEqualTo("x***x");
    }

    @Test
    void maskNeverSplitsASurrogatePairBetweenPieces() {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.MASK);

        assertThat(scanner.feed("a\uD83D").text()).isEqualTo("a");
        assertThat(scanner.feed("\uDE00x").text()).isEqualTo("😀x");
    }

    @Test
    void blockWithoutAMatchPassesEverythingAndHoldsNothing() {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.BLOCK);

        assertThat(scanner.feed("not so ba").text()).isEqualTo("not so ba");
        assertThat(scanner.feed("sic").blocked()).isFalse();
        assertThat(scanner.flush()).isEmpty();
        assertThat(scanner.outcome().logValue()).isEqualTo("pass");
    }

    @Test
    void blockedStreamStaysBlocked() {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.BLOCK);
        WordMatch match = scanner.feed("bad").blockedBy();

        ScanDecision later = scanner.feed("harmless");

        assertThat(later.blockedBy()).isEqualTo(match);
        assertThat(later.text()).isEmpty();
    }

    @Test
    void feedingAfterFlushIsRejected() {
        StreamingScanner scanner = WORDS.newScanner(GuardMode.MASK);
        scanner.flush();

        assertThatThrownBy(() -> scanner.feed("more")).isInstanceOf(IllegalStateException.class);
    }

    private static String streamed(StreamingScanner scanner, String... pieces) {
        StringBuilder out = new StringBuilder();
        for (String piece : pieces) {
            out.append(scanner.feed(piece).text());
        }
        return out.append(scanner.flush()).toString();
    }

    /** An oracle independent of the scanner: every findAll range, one star per code point. */
    private static String maskByFindAll(WordMatcher matcher, String text) {
        boolean[] masked = new boolean[text.length()];
        for (WordMatch m : matcher.findAll(text)) {
            for (int i = m.start(); i < m.end(); i++) {
                masked[i] = true;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int n = Character.charCount(cp);
            if (masked[i]) {
                out.append('*');
            } else {
                out.appendCodePoint(cp);
            }
            i += n;
        }
        return out.toString();
    }
}
