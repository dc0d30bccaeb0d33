package org.voiceai.realtime.call;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.voiceai.providers.realtime.RealtimeConversation;
import org.voiceai.providers.realtime.RealtimeSessionSpec;
import org.voiceai.providers.realtime.RealtimeSessionSpec.Turn;
import org.voiceai.tenant.Secretary;

/**
 * One call's realtime providers: opens the first, and when it fails mid-call, the next one that has not been tried
 * on this call, in the provider manager's order (the secretary's realtime row, then the domain's other enabled
 * realtime rows, default first, then by priority). Each row is tried at most once per call, at connect time or
 * later, so a call never loops between failing providers. It keeps the conversation so far (what the caller heard,
 * as transcribed) to give to the next provider, and the words the bridge says itself: the holding phrase while the
 * call moves, the apology when it cannot.
 */
public final class ProviderFailover {

	private static final Logger logger = LoggerFactory.getLogger(ProviderFailover.class);

	/** The turns carried to a next provider: the latest ones, enough for context, bounded for memory. */
	static final int MAX_TURNS = 60;

	private final Opener opener;

	private final RealtimeSessionSpec spec;

	private final Speech speech;

	private final BridgePhrases phrases;

	private final CallMetrics metrics;

	private final Set<UUID> tried = ConcurrentHashMap.newKeySet();

	private final Deque<Turn> history = new ArrayDeque<>();

	/**
	 * @param opener opens a conversation on the first eligible realtime row of the call's domain
	 * @param spec the call's session set-up; a next provider gets it with the history
	 * @param speech speaks the holding phrase and the apology
	 * @param phrases what the holding phrase and the apology say
	 */
	public ProviderFailover(Opener opener, RealtimeSessionSpec spec, Speech speech, BridgePhrases phrases,
			CallMetrics metrics) {
		this.opener = opener;
		this.spec = spec;
		this.speech = speech;
		this.phrases = phrases;
		this.metrics = metrics;
	}

	/** Opens the call's first provider (falling over at connect time like any later switch). */
	public Mono<Opened> first() {
		return this.opener.open(this.spec, this::untried, this.tried::add);
	}

	/** A finished turn, as the caller heard it. */
	public synchronized void heard(boolean fromCaller, String text) {
		if (text == null || text.isBlank()) {
			return;
		}
		if (this.history.size() == MAX_TURNS) {
			this.history.removeFirst();
		}
		this.history.addLast(new Turn(fromCaller, text.strip()));
	}

	/** The conversation so far, oldest first. */
	public synchronized List<Turn> history() {
		return List.copyOf(this.history);
	}

	/** What the caller said last if no answer to it was heard, else {@code null}: the next provider owes an answer. */
	public synchronized String unansweredCallerWords() {
		Turn last = this.history.peekLast();
		return (last != null && last.fromCaller()) ? last.text() : null;
	}

	/**
	 * Opens the next untried provider with the conversation so far. Errors when none is left or every one left fails.
	 * @param call the call on the provider that failed
	 * @param reason why it failed, for the logs
	 * @param found runs once, before the first attempt: a candidate exists, so the caller may be asked to hold
	 */
	Mono<Opened> next(CallContext call, String reason, Runnable found) {
		long started = System.nanoTime();
		AtomicBoolean first = new AtomicBoolean(true);
		List<Turn> carried = history();
		Consumer<UUID> attempting = (row) -> {
			this.tried.add(row);
			if (first.getAndSet(false)) {
				found.run();
			}
		};
		return this.opener.open(this.spec.withHistory(carried), this::untried, attempting)
			.doOnNext((opened) -> {
				this.metrics.failover(call, opened.provider());
				logger.info("Call {} of domain {}: moved from realtime provider {} to {} (row {}) in {} ms, "
						+ "carrying {} turns", call.callUuid(), call.domain().value(), call.provider(), opened.provider(),
						opened.row(), (System.nanoTime() - started) / 1_000_000, carried.size());
			})
			.doOnError((error) -> {
				this.metrics.failover(call, "none");
				logger.warn("Call {} of domain {}: no other realtime provider could take over from {} ({}): {}. The "
						+ "caller hears the apology and the call ends; to fail over, enable another realtime provider "
						+ "row for the domain", call.callUuid(), call.domain().value(), call.provider(), reason,
						error.getMessage());
			});
	}

	/** The short phrase the caller hears while the call moves to another provider. */
	Mono<byte[]> holdingPhrase(CallContext call, int sampleRate) {
		return this.speech.audio(call, this.phrases.holding(call.secretary()), sampleRate);
	}

	/** The apology the caller hears before a call that lost its provider ends. */
	Mono<byte[]> apology(CallContext call, int sampleRate) {
		return this.speech.audio(call, this.phrases.apology(call.secretary()), sampleRate);
	}

	private boolean untried(UUID row) {
		return row == null || !this.tried.contains(row);
	}

	/** Opens a realtime conversation on the first eligible row of the call's domain, trying them in order. */
	@FunctionalInterface
	public interface Opener {

		/**
		 * @param spec the session set-up
		 * @param eligible which rows (by UUID) may be tried
		 * @param attempting told each row's UUID just before it is tried
		 * @return the opened conversation, or an error when no eligible row could open one
		 */
		Mono<Opened> open(RealtimeSessionSpec spec, Predicate<UUID> eligible, Consumer<UUID> attempting);

	}

	/**
	 * A conversation opened on a provider row.
	 *
	 * @param row the provider row's UUID
	 * @param provider the row's provider name, for logs, metrics and the record
	 */
	public record Opened(UUID row, String provider, RealtimeConversation conversation) {
	}

}
