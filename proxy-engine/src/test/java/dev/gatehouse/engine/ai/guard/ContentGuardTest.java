package dev.gatehouse.engine.ai.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentGuardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> WORDS = List.of("secret", "敏感词");

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'messages':[{'role':'system','content':'ok'},{'role':'user','content':'a SECRET'}]}          | /messages/1/content          | secret",
            "{'messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'x'}},{'type':'text','text':'这是敏感词'}]}]} | /messages/0/content/1/text | 敏感词",
            "{'messages':[{'role':'assistant','content':'the secret'}]}                                  | /messages/0/content          | secret",
            "{'prompt':'tell me the secret'}                                                             | /prompt                      | secret",
            "{'prompt':['fine','secret']}                                                                | /prompt/1                    | secret",
    })
    void blockModeFindsWordsInEveryMessageAndPrompt(String request, String path, String word) {
        GuardVerdict verdict = guard(GuardMode.BLOCK).checkRequest(json(request));

        assertThat(verdict).isInstanceOfSatisfying(GuardVerdict.Blocked.class, blocked -> {
            assertThat(blocked.path()).isEqualTo(path);
            assertThat(blocked.word()).isEqualTo(word);
        });
        assertThat(verdict.logValue()).isEqualTo("block");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'model':'secret','messages':[{'role':'user','content':'hello'}]}",
            "{'messages':[{'role':'user','content':[{'type':'image_url','image_url':{'url':'secret.png'}}]}]}",
            "{'prompt':[101,202],'user':'secret'}",
            "{'messages':[{'role':'user','content':'secr'},{'role':'user','content':'et'}]}",
            "{}",
    })
    void wordsOutsideTheTextFieldsPass(String request) {
        GuardVerdict verdict = guard(GuardMode.BLOCK).checkRequest(json(request));

        assertThat(verdict).isEqualTo(GuardVerdict.pass());
        assertThat(verdict.logValue()).isEqualTo("pass");
    }

    @Test
    void maskModeMasksACopyAndLeavesTheCallersRequestAlone() {
        ObjectNode request = json("{'model':'m','messages':[{'role':'user','content':'my secret'},"
                + "{'role':'user','content':[{'type':'text','text':'敏感词!'}]}],'prompt':['x secret']}");
        String before = request.toString();

        GuardVerdict verdict = guard(GuardMode.MASK).checkRequest(request);

        assertThat(verdict.logValue()).isEqualTo("mask");
        assertThat(((GuardVerdict.Masked) verdict).body()).isEqualTo(json("{'model':'m','messages':["
                + "{'role':'user','content':'my ******'},{'role':'user','content':[{'type':'text','text':'***!'}]}],"
                + "'prompt':['x ******']}"));
        assertThat(request.toString()).isEqualTo(before);
    }

    @Test
    void responseMessageContentAndCompletionTextAreChecked() {
        ObjectNode response = json("{'id':'r','choices':[{'index':0,'message':{'role':'assistant','content':'a secret'}},"
                + "{'index':1,'text':'敏感词'},{'index':2,'message':{'role':'assistant','content':null}}]}");

        GuardVerdict masked = guard(GuardMode.MASK).checkResponse(response);
        GuardVerdict blocked = guard(GuardMode.BLOCK).checkResponse(response);

        assertThat(((GuardVerdict.Masked) masked).body()).isEqualTo(json("{'id':'r','choices':["
                + "{'index':0,'message':{'role':'assistant','content':'a ******'}},{'index':1,'text':'***'},"
                + "{'index':2,'message':{'role':'assistant','content':null}}]}"));
        assertThat(((GuardVerdict.Blocked) blocked).path()).isEqualTo("/choices/0/message/content");
    }

    @Test
    void directionsThatAreNotCheckedPass() {
        ContentGuard requestsOnly = new ContentGuard(new GuardPolicy(WORDS, GuardMode.BLOCK, true, false));
        ContentGuard responsesOnly = new ContentGuard(new GuardPolicy(WORDS, GuardMode.BLOCK, false, true));

        assertThat(responsesOnly.checkRequest(json("{'prompt':'secret'}"))).isEqualTo(GuardVerdict.pass());
        assertThat(requestsOnly.checkResponse(json("{'choices':[{'text':'secret'}]}"))).isEqualTo(GuardVerdict.pass());
        assertThat(requestsOnly.newResponseScanner().feed("secret").blocked()).isFalse();
        assertThat(responsesOnly.newResponseScanner().feed("secret").blocked()).isTrue();
    }

    @Test
    void policyCopiesItsWordsAndRejectsAnEmptyOne() {
        List<String> words = new ArrayList<>(List.of("a"));
        GuardPolicy policy = new GuardPolicy(words, GuardMode.MASK, true, true);
        words.add("b");

        assertThat(policy.words()).containsExactly("a");
        assertThatThrownBy(() -> new GuardPolicy(List.of(""), GuardMode.MASK, true, true))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static ContentGuard guard(GuardMode mode) {
        return new ContentGuard(new GuardPolicy(WORDS, mode, true, true));
    }

    /** JSON written with single quotes, so that the tables stay readable. */
    static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
