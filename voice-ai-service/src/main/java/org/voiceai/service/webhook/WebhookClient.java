package org.voiceai.service.webhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import io.netty.channel.ChannelOption;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one signed webhook attempt and reports the receiver's status code. Redirects are not followed (a redirect
 * could lead past the URL policy), the response body is discarded, and unless internal targets are allowed the
 * client resolves names only through {@link SafeAddressResolverGroup}.
 */
class WebhookClient implements AutoCloseable {

	static final String EVENT_HEADER = "X-Voice-AI-Event";

	static final String DELIVERY_HEADER = "X-Voice-AI-Delivery";

	static final String TIMESTAMP_HEADER = "X-Voice-AI-Timestamp";

	static final String SIGNATURE_HEADER = "X-Voice-AI-Signature";

	private final ConnectionProvider connections;

	private final WebClient web;

	private final WebhookSigner signer;

	private final Clock clock;

	WebhookClient(WebhookProperties properties, SafeUrlPolicy policy, WebhookSigner signer, Clock clock) {
		this.connections = ConnectionProvider.builder("voice-ai-webhooks")
			.maxConnections(properties.concurrency() * 4)
			.maxIdleTime(Duration.ofSeconds(30))
			.build();
		HttpClient http = HttpClient.create(this.connections)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) properties.connectTimeout().toMillis())
			.responseTimeout(properties.responseTimeout())
			.followRedirect(false);
		if (!policy.allowsPrivateNetworks()) {
			http = http.resolver(new SafeAddressResolverGroup(policy, Schedulers.boundedElastic()));
		}
		this.web = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
		this.signer = signer;
		this.clock = clock;
	}

	/** POSTs the delivery's payload; completes with the HTTP status, or fails when no answer came. */
	Mono<Integer> send(WebhookDelivery delivery) {
		return Mono.defer(() -> {
			long timestamp = this.clock.instant().getEpochSecond();
			return this.web.post()
				.uri(URI.create(delivery.targetUrl().trim()))
				.contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.USER_AGENT, "voice-ai-webhooks/1")
				.header(EVENT_HEADER, delivery.eventType())
				.header(DELIVERY_HEADER, delivery.uuid().toString())
				.header(TIMESTAMP_HEADER, Long.toString(timestamp))
				.header(SIGNATURE_HEADER, this.signer.sign(timestamp, delivery.payload()))
				.bodyValue(delivery.payload())
				.exchangeToMono((response) -> response.releaseBody().thenReturn(response.statusCode().value()));
		});
	}

	@Override
	public void close() {
		this.connections.dispose();
	}

}
