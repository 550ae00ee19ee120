package dev.gatehouse.engine.ai.usage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RequestUsageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            // request | client asked | request forwarded
            "{'stream':true} | false | {'stream':true,'stream_options':{'include_usage':true}}",
            "{'stream':true,'stream_options':{'include_usage':true}} | true | {'stream':true,'stream_options':{'include_usage':true}}",
            "{'stream':true,'stream_options':{'include_usage':false}} | false | {'stream':true,'stream_options':{'include_usage':true}}",
            "{'stream':true,'stream_options':{'continuous_usage_stats':true}} | false | {'stream':true,'stream_options':{'continuous_usage_stats':true,'include_usage':true}}",
            "{'stream':true,'stream_options':null} | false | {'stream':true,'stream_options':{'include_usage':true}}",
            "{'stream':true,'stream_options':{'include_usage':'yes'}} | false | {'stream':true,'stream_options':{'include_usage':true}}",
            "{'stream':false} | true | {'stream':false}",
            "{'stream':'true'} | true | {'stream':'true'}",
            "{'model':'m'} | true | {'model':'m'}",
    })
    void streamedRequestsAskForUsageAndSayWhetherTheClientDid(String request, boolean asked, String forwarded) {
        ObjectNode body = json(request);

        assertThat(RequestUsage.ensureIncludeUsage(body)).isEqualTo(asked);
        assertThat(body).isEqualTo(json(forwarded));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "{'messages':[]} | 3",
            "{'messages':[{'role':'user','content':'Hello, world'}]} | 10",             // 3 + 4 + ceil(12/4)
            "{'messages':[{'role':'system','content':'abcd'},{'role':'user','content':'abcde'}]} | 14", // rounded per message
            "{'messages':[{'role':'user','content':[{'type':'text','text':'你好'},{'type':'image_url','image_url':{'url':'http://x/abcdefgh'}}]}]} | 9",
            "{'messages':[{'role':'assistant','content':null,'tool_calls':[{'type':'function','function':{'name':'get','arguments':'[1, 2]'}}]}]} | 10",              // 3 + 4 + ceil(9/4)
            "{'messages':[{'role':'user','name':'ab','content':'cd'}]} | 8",
            "{'prompt':'abcdefgh'} | 2",
            "{'prompt':['abcd','abcde']} | 3",
            "{'prompt':[1,2,3]} | 3",                                                     // token ids count one each
            "{'prompt':[[1,2],[3]]} | 3",
            "{'input':'abcd'} | 1",
            "{'model':'m'} | 0",
    })
    void estimatesPromptTokensByTheDocumentedRule(String request, long tokens) {
        assertThat(RequestUsage.estimatePromptTokens(json(request))).isEqualTo(tokens);
    }

    private static ObjectNode json(String singleQuoted) {
        try {
            return (ObjectNode) JSON.readTree(singleQuoted.strip().replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }
}
