package org.voiceai.providers.llm;

import java.time.Duration;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilder;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.http.client.jdk.JdkHttpClientBuilder;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;

/**
 * The HTTP client under every langchain4j model we build: langchain4j's JDK client, changed in two ways.
 * <ul>
 * <li>HTTP/1.1 only. On a plain {@code http://} URL the JDK client otherwise offers an {@code h2c} upgrade, which
 * LM Studio answers by hanging and uvicorn-based servers (vLLM) by dropping the request body; local
 * OpenAI-compatible servers are plain http.</li>
 * <li>A timeout is final. langchain4j retries every failure that is not a {@link NonRetriableException}, timeouts
 * included, so one silent provider would keep a caller waiting three times {@code timeout_seconds}; like
 * {@code RetryPolicy} for our own HTTP providers, we fail over instead.</li>
 * </ul>
 * One builder per model: langchain4j sets the timeouts on it and builds one client.
 */
public final class ModelHttpClientBuilder implements HttpClientBuilder {

	private final JdkHttpClientBuilder jdk = JdkHttpClient.builder()
		.httpClientBuilder(java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1));

	@Override
	public Duration connectTimeout() {
		return this.jdk.connectTimeout();
	}

	@Override
	public ModelHttpClientBuilder connectTimeout(Duration timeout) {
		this.jdk.connectTimeout(timeout);
		return this;
	}

	@Override
	public Duration readTimeout() {
		return this.jdk.readTimeout();
	}

	@Override
	public ModelHttpClientBuilder readTimeout(Duration timeout) {
		this.jdk.readTimeout(timeout);
		return this;
	}

	@Override
	public HttpClient build() {
		return new FinalTimeouts(this.jdk.build());
	}

	private record FinalTimeouts(HttpClient delegate) implements HttpClient {

		@Override
		public SuccessfulHttpResponse execute(HttpRequest request) {
			try {
				return this.delegate.execute(request);
			}
			catch (TimeoutException ex) {
				throw new NonRetriableException(ex);
			}
		}

		/** Streams are never retried by langchain4j, so their timeouts need no change. */
		@Override
		public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
			this.delegate.execute(request, parser, listener);
		}

	}

}
