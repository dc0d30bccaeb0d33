package org.voiceai.service.webhook;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * End-of-call webhook delivery ({@code voice-ai.webhooks.*}).
 *
 * @param signingSecret HMAC-SHA256 key for {@code X-Voice-AI-Signature} (VOICE_AI_WEBHOOK_SECRET); unset = the
 * {@code signingSecretFile}, generated on first start. Never the service token: receivers would then hold an API key.
 * @param signingSecretFile where the generated secret is kept ({@code $VOICE_AI_HOME/webhook.secret})
 * @param allowPrivateNetworks deliver to loopback, private, link-local and other internal addresses too; off by
 * default so a secretary's webhook_url cannot reach the host, the LAN or a cloud metadata service
 * @param dispatch whether this instance polls the outbox; turn off on instances that should never send
 * @param pollInterval how often due deliveries are looked for
 * @param batchSize deliveries claimed per poll
 * @param concurrency deliveries sent at the same time
 * @param connectTimeout TCP (and TLS) connect timeout per attempt
 * @param responseTimeout how long an attempt waits for the receiver's answer
 * @param initialBackoff wait after the first failed attempt; doubles after each further failure
 * @param maxBackoff longest wait between two attempts
 * @param maxAttempts attempts before a delivery is given up as 'dead'
 */
@ConfigurationProperties("voice-ai.webhooks")
public record WebhookProperties(String signingSecret, Path signingSecretFile,
		@DefaultValue("false") boolean allowPrivateNetworks, @DefaultValue("true") boolean dispatch,
		@DefaultValue("2s") Duration pollInterval, @DefaultValue("20") int batchSize,
		@DefaultValue("4") int concurrency, @DefaultValue("5s") Duration connectTimeout,
		@DefaultValue("10s") Duration responseTimeout, @DefaultValue("5s") Duration initialBackoff,
		@DefaultValue("1h") Duration maxBackoff, @DefaultValue("8") int maxAttempts) {

	public WebhookProperties {
		if (maxAttempts < 1 || batchSize < 1 || concurrency < 1) {
			throw new IllegalArgumentException("voice-ai.webhooks: max-attempts, batch-size and concurrency must be >= 1");
		}
		for (Duration duration : new Duration[] { pollInterval, connectTimeout, responseTimeout, initialBackoff,
				maxBackoff }) {
			if (duration.isNegative() || duration.isZero()) {
				throw new IllegalArgumentException("voice-ai.webhooks: durations must be positive, not " + duration);
			}
		}
	}

	/** The wait before the next attempt once {@code attempts} attempts have failed: initial, doubling, capped. */
	Duration backoffAfter(int attempts) {
		int doublings = Math.min(Math.max(attempts - 1, 0), 30);
		Duration backoff = this.initialBackoff.multipliedBy(1L << doublings);
		return (backoff.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : backoff;
	}

	/**
	 * How long a claimed delivery stays invisible to other pollers: longer than any attempt can take, so an
	 * instance that dies mid-attempt only delays that delivery, and no two instances send it at once.
	 */
	Duration lease() {
		return this.connectTimeout.plus(this.responseTimeout).plus(Duration.ofSeconds(30));
	}

	@Override
	public String toString() {
		return "WebhookProperties[signingSecret=" + ((this.signingSecret == null || this.signingSecret.isBlank())
				? "unset" : "set") + ", allowPrivateNetworks=" + this.allowPrivateNetworks + ", maxAttempts="
				+ this.maxAttempts + "]";
	}

}
