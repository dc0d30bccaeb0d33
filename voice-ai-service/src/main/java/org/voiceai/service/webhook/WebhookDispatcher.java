package org.voiceai.service.webhook;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.context.SmartLifecycle;
import org.springframework.web.reactive.function.client.WebClientRequestException;

import org.voiceai.logging.LogContext;

/**
 * Sends queued webhooks. Every {@code poll-interval} it claims due deliveries (several instances may poll: each
 * delivery goes to one), checks the URL again (DNS may have changed since it was queued), and POSTs it signed. A 2xx
 * answer marks it delivered; anything else is retried with exponential backoff until {@code max-attempts}, then it
 * is 'dead'. A refused URL is dead at once. Sends are at least once: a receiver de-duplicates on
 * {@code X-Voice-AI-Delivery}. On shutdown it stops claiming and lets the attempts under way finish.
 */
public class WebhookDispatcher implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(WebhookDispatcher.class);

	private final WebhookOutbox outbox;

	private final WebhookClient client;

	private final SafeUrlPolicy policy;

	private final WebhookProperties properties;

	private volatile Disposable loop;

	private volatile Sinks.Empty<Void> stopRequested = Sinks.empty();

	private volatile Sinks.Empty<Void> stopped = Sinks.empty();

	WebhookDispatcher(WebhookOutbox outbox, WebhookClient client, SafeUrlPolicy policy, WebhookProperties properties) {
		this.outbox = outbox;
		this.client = client;
		this.policy = policy;
		this.properties = properties;
	}

	/** Claims the deliveries due now and makes one attempt at each; completes with how many were attempted. */
	public Mono<Integer> dispatchDue() {
		return this.outbox.claimDue(this.properties.batchSize(), this.properties.lease())
			.flatMap(this::attempt, this.properties.concurrency())
			.count()
			.map(Long::intValue);
	}

	private Mono<WebhookDelivery> attempt(WebhookDelivery delivery) {
		return this.policy.check(delivery.targetUrl())
			.then(this.client.send(delivery))
			.onErrorResume((error) -> failed(delivery, error).then(Mono.empty()))
			.flatMap((status) -> (status / 100 == 2) ? this.outbox.delivered(delivery, status)
					: retryOrGiveUp(delivery, status, "HTTP " + status))
			.onErrorResume((error) -> {
				// The attempt's outcome could not be stored; the lease expires and the delivery is tried again.
				logger.warn("Webhook delivery {}: cannot record the outcome: {}", delivery.uuid(), error.toString());
				return Mono.empty();
			})
			.thenReturn(delivery)
			.contextWrite(LogContext.of(delivery.domain(), null));
	}

	private Mono<Void> failed(WebhookDelivery delivery, Throwable error) {
		Throwable cause = (error instanceof WebClientRequestException && error.getCause() != null) ? error.getCause()
				: error;
		if (cause instanceof UnsafeUrlException refused) {
			logger.warn("Webhook delivery {} is dead: {}", delivery.uuid(), refused.getMessage());
			return this.outbox.failed(delivery, null, refused.getMessage(), null);
		}
		return retryOrGiveUp(delivery, null, describe(cause));
	}

	private Mono<Void> retryOrGiveUp(WebhookDelivery delivery, Integer status, String error) {
		if (delivery.attempts() >= this.properties.maxAttempts()) {
			logger.warn("Webhook delivery {} is dead after {} attempts: {}", delivery.uuid(), delivery.attempts(), error);
			return this.outbox.failed(delivery, status, error + " (gave up after " + delivery.attempts() + " attempts)",
					null);
		}
		Duration retryIn = this.properties.backoffAfter(delivery.attempts());
		logger.info("Webhook delivery {} attempt {} failed ({}); next attempt in {}", delivery.uuid(),
				delivery.attempts(), error, retryIn);
		return this.outbox.failed(delivery, status, error, retryIn);
	}

	/** A short reason for {@code last_error}: the kind of failure, never the URL (its query may hold a token). */
	private String describe(Throwable cause) {
		if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException) {
			return "no answer within " + this.properties.responseTimeout().toSeconds() + " s";
		}
		if (cause instanceof UnknownHostException) {
			return "host does not resolve";
		}
		if (cause instanceof ConnectException) {
			return "cannot connect: " + cause.getMessage();
		}
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	@Override
	public boolean isAutoStartup() {
		return this.properties.dispatch();
	}

	@Override
	public synchronized void start() {
		if (isRunning()) {
			return;
		}
		Sinks.Empty<Void> stopRequest = Sinks.empty();
		Sinks.Empty<Void> done = Sinks.empty();
		this.stopRequested = stopRequest;
		this.stopped = done;
		// concatMap without prefetch and a dropping interval: one poll at a time, ticks during a slow poll are skipped.
		this.loop = Flux.interval(this.properties.pollInterval())
			.onBackpressureDrop()
			.takeUntilOther(stopRequest.asMono())
			.concatMap((tick) -> dispatchDue().onErrorResume((error) -> {
				logger.warn("Webhook poll failed: {}", error.toString());
				return Mono.empty();
			}), 0)
			.doFinally((signal) -> done.tryEmitEmpty())
			.subscribe();
	}

	@Override
	public void stop(Runnable callback) {
		this.stopRequested.tryEmitEmpty();
		this.stopped.asMono().doFinally((signal) -> callback.run()).subscribe();
	}

	@Override
	public void stop() {
		this.stopRequested.tryEmitEmpty();
		this.stopped.asMono().block(this.properties.lease());
	}

	@Override
	public boolean isRunning() {
		Disposable current = this.loop;
		return current != null && !current.isDisposed();
	}

}
