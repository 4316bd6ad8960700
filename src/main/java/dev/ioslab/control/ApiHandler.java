package dev.ioslab.control;

import java.util.concurrent.CompletionStage;

/**
 * Answers the calls of one route. Threading: called on a Netty event loop; a handler that has slow work to do (a
 * reset that touches disk, a reload) returns a stage completed elsewhere and never blocks the caller.
 */
@FunctionalInterface
public interface ApiHandler {

    /**
     * @return the response, possibly completed later; a stage failed with {@link ApiException} is answered with its
     *         status, any other failure with 500 and a message that names no internals
     * @throws ApiException when the call is refused at once
     */
    CompletionStage<ApiResponse> handle(ApiRequest request) throws ApiException;
}
