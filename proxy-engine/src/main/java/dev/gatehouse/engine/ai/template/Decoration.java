package dev.gatehouse.engine.ai.template;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/** The result of applying a {@link PromptTemplate} to one request: the new body, or why not. */
public sealed interface Decoration {

    /**
     * The decorated request.
     *
     * @param request a deep copy of the caller's request, with the system prompt applied
     */
    record Applied(ObjectNode request) implements Decoration {

        public Applied {
            requireNonNull(request, "request");
        }
    }

    /**
     * The template needs variables that neither the config nor the request supplied; the
     * gateway answers 400 with {@link #message()}.
     */
    record MissingVariables(List<String> names) implements Decoration {

        public MissingVariables {
            names = List.copyOf(names);
            if (names.isEmpty()) {
                throw new IllegalArgumentException("names must not be empty");
            }
        }

        /** A message for the client saying which variables to send and how. */
        public String message() {
            return "the route's prompt template needs variables that were not provided: "
                    + String.join(", ", names) + " (send each as a request header "
                    + PromptDecorator.HEADER_PREFIX + "<name>)";
        }
    }
}
