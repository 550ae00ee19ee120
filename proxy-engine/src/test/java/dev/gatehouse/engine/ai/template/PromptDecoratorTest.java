package dev.gatehouse.engine.ai.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PromptDecoratorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String USER = "{'role':'user','content':'hi'}";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // no system message: a new one goes first, whatever the placement
            "PREPEND | [" + USER + "]                                           | [{'role':'system','content':'T'}," + USER + "]",
            "APPEND  | [" + USER + "]                                           | [{'role':'system','content':'T'}," + USER + "]",
            // an existing system message gets the text merged in, before or after
            "PREPEND | [{'role':'system','content':'S'}," + USER + "]           | [{'role':'system','content':'T\\n\\nS'}," + USER + "]",
            "APPEND  | [{'role':'system','content':'S'}," + USER + "]           | [{'role':'system','content':'S\\n\\nT'}," + USER + "]",
            "PREPEND | [{'role':'system','content':''}," + USER + "]            | [{'role':'system','content':'T'}," + USER + "]",
            "PREPEND | [{'role':'system','content':[{'type':'text','text':'S'}]}] | [{'role':'system','content':[{'type':'text','text':'T'},{'type':'text','text':'S'}]}]",
            "APPEND  | [{'role':'system','content':[{'type':'text','text':'S'}]}] | [{'role':'system','content':[{'type':'text','text':'S'},{'type':'text','text':'T'}]}]",
            // only the first system message is touched, even when it is not first
            "PREPEND | [" + USER + ",{'role':'system','content':'S'},{'role':'system','content':'S2'}] | [" + USER + ",{'role':'system','content':'T\\n\\nS'},{'role':'system','content':'S2'}]",
            "PREPEND | []                                                       | [{'role':'system','content':'T'}]",
    })
    void systemPromptIsMergedIntoTheFirstSystemMessageOrAddedFirst(
            PromptTemplate.Placement placement, String messages, String expected) {
        PromptDecorator decorator = new PromptDecorator(new PromptTemplate("T", placement, Map.of()));

        Decoration result = decorator.decorate(json("{'model':'m','messages':" + messages + "}"), Map.of());

        assertThat(result).isEqualTo(new Decoration.Applied(json("{'model':'m','messages':" + expected + "}")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            // template                    | fixed value of 'name' | header name              | header value | system prompt
            "Hi {{name}}.                  | Ann                   | NONE                     | NONE         | Hi Ann.",
            "Hi {{name}}.                  | NONE                  | x-gatehouse-var-name     | Bob          | Hi Bob.",
            "Hi {{name}}.                  | Ann                   | x-gatehouse-var-name     | Bob          | Hi Ann.",
            "Hi {{name}}.                  | NONE                  | X-Gatehouse-Var-NAME     | Bob          | Hi Bob.",
            "Hi {{ name }} and {{name}}    | NONE                  | x-gatehouse-var-name     | Bob          | Hi Bob and Bob",
            "Hi {{name}}                   | NONE                  | x-gatehouse-var-name     | {{other}}    | Hi {{other}}",
            "Keep {{ not a var }} and {{}} | NONE                  | NONE                     | NONE         | Keep {{ not a var }} and {{}}",
            "你好，{{name}}                 | 小明                   | NONE                     | NONE         | 你好，小明",
    })
    void variablesComeFromFixedValuesThenHeaders(
            String text, String fixed, String header, String headerValue, String expected) {
        PromptTemplate template = new PromptTemplate(text, null, fixed == null ? Map.of() : Map.of("name", fixed));
        Map<String, String> headers = header == null ? Map.of("x-other", "1") : Map.of(header, headerValue);

        Decoration result = new PromptDecorator(template).decorate(json("{'messages':[]}"), headers);

        ObjectNode system = JSON.createObjectNode().put("role", "system").put("content", expected);
        ObjectNode decorated = JSON.createObjectNode();
        decorated.putArray("messages").add(system);
        assertThat(result).isEqualTo(new Decoration.Applied(decorated));
    }

    @Test
    void unknownVariablesAreReportedByNameWithHowToSendThem() {
        PromptDecorator decorator = new PromptDecorator(new PromptTemplate(
                "{{tenant}} {{user}} {{lang}} {{user}}", null, Map.of("lang", "en")));

        Decoration result = decorator.decorate(json("{'messages':[]}"), Map.of("x-gatehouse-var-", "empty name"));

        assertThat(result).isInstanceOfSatisfying(Decoration.MissingVariables.class, missing -> {
            assertThat(missing.names()).containsExactly("tenant", "user");
            assertThat(missing.message()).contains("tenant, user").contains("x-gatehouse-var-<name>");
        });
    }

    @Test
    void callersRequestIsNeverModified() {
        ObjectNode request = json("{'messages':[{'role':'system','content':'S'}," + USER + "]}");
        String before = request.toString();

        Decoration result = new PromptDecorator(PromptTemplate.prepend("T")).decorate(request, Map.of());

        assertThat(request.toString()).isEqualTo(before);
        assertThat(((Decoration.Applied) result).request()).isNotSameAs(request).isNotEqualTo(request);
    }

    @Test
    void requestWithoutMessagesIsLeftAsItIs() {
        ObjectNode request = json("{'prompt':'complete me'}");

        Decoration result = new PromptDecorator(PromptTemplate.prepend("{{unknown}}")).decorate(request, Map.of());

        assertThat(result).isEqualTo(new Decoration.Applied(request));
    }

    private static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
