package org.voiceai.providers.http;

import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import io.netty.channel.ChannelOption;
import io.netty.handler.timeout.ReadTimeoutException;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.PrematureCloseException;
import reactor.netty.resources.ConnectionProvider;
import reactor.util.retry.Retry;

import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import org.voiceai.providers.error.ProviderException;
import org.voiceai.providers.error.ProviderRateLimitException;
import org.voiceai.providers.error.ProviderTimeoutException;
import org.voiceai.providers.error.ProviderUnavailableException;

/**
 * HTTP for provider implementations: one shared connection pool, a {@link WebClient} per provider instance (base
 * URL, timeout), and {@link #send} which turns every failure into our error family and retries per
 * {@link RetryPolicy}. Providers never look at status codes themselves.
 */
public final class ProviderHttp {

	private final HttpClient httpClient;

	private final HttpErrorMapper errors;

	public ProviderHttp(ConnectionProvider connections, HttpErrorMapper errors) {
		this.httpClient = HttpClient.create(connections).option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 5_000);
		this.errors = errors;
	}

	/** A client for one provider instance: requests resolve against {@code baseUrl}; no answer within {@code timeout} fails. */
	public WebClient client(URI baseUrl, Duration timeout) {
		return WebClient.builder()
			.baseUrl(baseUrl.toString())
			.clientConnector(new ReactorClientHttpConnector(this.httpClient.responseTimeout(timeout)))
			.codecs((codecs) -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
			.build();
	}

	/**
	 * Sends {@code request} (re-sent on retry), hands a 2xx response to {@code onSuccess}, and maps everything else:
	 * HTTP errors by status, connection failures to unavailable, no answer in time to timeout.
	 */
	public <T> Mono<T> send(String provider, WebClient.RequestHeadersSpec<?> request,
			Function<ClientResponse, Mono<T>> onSuccess, RetryPolicy retry) {
		return Mono.defer(() -> request.exchangeToMono((response) -> {
			if (response.statusCode().is2xxSuccessful()) {
				return onSuccess.apply(response);
			}
			return response.bodyToMono(String.class)
				.defaultIfEmpty("")
				.flatMap((body) -> Mono.error(this.errors.toException(provider, response.statusCode().value(),
						response.headers().asHttpHeaders(), body)));
		}))
			.onErrorMap((error) -> !(error instanceof ProviderException), (error) -> translate(provider, error))
			.retryWhen(retrySpec(retry));
	}

	static ProviderException translate(String provider, Throwable error) {
		Throwable cause = (error instanceof WebClientRequestException && error.getCause() != null) ? error.getCause()
				: error;
		if (cause instanceof ReadTimeoutException || cause instanceof TimeoutException
				|| cause instanceof io.netty.handler.timeout.TimeoutException) {
			return new ProviderTimeoutException(provider, "no response in time", error);
		}
		if (cause instanceof ConnectException || cause instanceof UnknownHostException
				|| cause instanceof PrematureCloseException || error instanceof WebClientRequestException) {
			return new ProviderUnavailableException(provider, "cannot connect: " + cause.getClass().getSimpleName()
					+ ((cause.getMessage() != null) ? " (" + cause.getMessage() + ")" : ""), error);
		}
		return new ProviderUnavailableException(provider, "unexpected failure: " + cause.getClass().getSimpleName(),
				error);
	}

	private static Retry retrySpec(RetryPolicy policy) {
		return Retry.from((signals) -> signals.concatMap((signal) -> {
			Throwable failure = signal.failure();
			boolean retriable = failure instanceof ProviderRateLimitException
					|| failure instanceof ProviderUnavailableException;
			if (!retriable || signal.totalRetries() >= policy.maxRetries()) {
				return Mono.error(failure);
			}
			Duration delay = policy.backoff(signal.totalRetries());
			if (failure instanceof ProviderRateLimitException limited && limited.retryAfter() != null) {
				if (limited.retryAfter().compareTo(policy.maxRetryAfter()) > 0) {
					return Mono.error(failure);
				}
				delay = limited.retryAfter();
			}
			return Mono.delay(delay);
		}));
	}

}
