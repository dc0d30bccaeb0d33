package org.voiceai.calls;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.voiceai.sharedstate.SharedState;

/**
 * The per-domain limit on calls in progress, shared by every instance of both services through {@link SharedState}.
 * <p>
 * A domain with limit {@code n} has {@code n} slots, {@code calls:<domain>:slot:<i>}, each holding the UUID of the
 * call in it; the call's own key, {@code calls:<domain>:call:<callUuid>}, remembers its slot. {@link #admit} claims a
 * free slot ({@code putIfAbsent}) and {@link #release} frees it. Both keys expire after the maximum call
 * duration, so a call that crashed without releasing frees its slot by itself, exactly, whatever other calls do.
 * (A single counter would be cheaper, but its time to live is renewed by every new call, so on a busy domain a
 * leaked increment would never expire.) The price: refusing a call tries every slot, {@code n} round trips to
 * Redis, which is why limits are meant to be tens or hundreds, not thousands.
 * <p>
 * Idempotent per call: admitting a call that holds a slot answers "admitted" without taking another, so every turn
 * of a call may call {@link #admit}; releasing twice, or releasing a call never admitted, changes nothing.
 * Concurrent first admissions of one call take one slot between them: the first marks the call as being admitted,
 * the others wait (briefly) for its answer and give the same one. Lowering a domain's limit takes effect as
 * calls end: slots beyond the new limit are no longer handed out.
 */
public class ConcurrentCalls {

	private static final Logger logger = LoggerFactory.getLogger(ConcurrentCalls.class);

	/** Marks a call whose admission is under way; expires soon in case that instance dies mid-way. */
	private static final String CLAIMING = "claiming";

	private static final Duration CLAIM_TTL = Duration.ofSeconds(10);

	private static final Duration CLAIM_POLL_INTERVAL = Duration.ofMillis(5);

	private static final int CLAIM_POLLS = 400;

	private final SharedState state;

	private final CallLimits limits;

	private final Duration maxCallDuration;

	public ConcurrentCalls(SharedState state, CallLimits limits, Duration maxCallDuration) {
		this.state = state;
		this.limits = limits;
		this.maxCallDuration = maxCallDuration;
	}

	/**
	 * Takes one of {@code domain}'s slots for the call, unless it holds one already.
	 * @return whether the call may proceed, with the domain's limit
	 */
	public Mono<Admission> admit(UUID domain, UUID callUuid) {
		String callKey = callKey(domain, callUuid);
		return this.limits.limitFor(domain)
			.flatMap((limit) -> this.state.get(callKey)
				.flatMap((slot) -> CLAIMING.equals(slot) ? answerOf(callKey, limit) : Mono.just(Admission.admitted(limit)))
				.switchIfEmpty(Mono.defer(() -> claim(domain, callUuid, limit))));
	}

	/** Frees the call's slot, if it holds one. */
	public Mono<Void> release(UUID domain, UUID callUuid) {
		String callKey = callKey(domain, callUuid);
		return this.state.get(callKey)
			.filter((slot) -> !CLAIMING.equals(slot))
			.flatMap((slot) -> {
				String slotKey = slotKey(domain, Integer.parseInt(slot));
				// Only our own slot: after the maximum duration it may have expired and gone to another call.
				return this.state.get(slotKey)
					.filter(callUuid.toString()::equals)
					.flatMap((owner) -> this.state.delete(slotKey))
					.then(this.state.delete(callKey));
			})
			.then();
	}

	/**
	 * Marks the call as being admitted (so a concurrent admission of the same call waits for this one's answer
	 * instead of taking a second slot), claims a free slot, and records it.
	 */
	private Mono<Admission> claim(UUID domain, UUID callUuid, int limit) {
		String callKey = callKey(domain, callUuid);
		return this.state.putIfAbsent(callKey, CLAIMING, CLAIM_TTL).flatMap((first) -> {
			if (!first) {
				return answerOf(callKey, limit);
			}
			return freeSlot(domain, callUuid, limit)
				.flatMap((slot) -> this.state.put(callKey, Integer.toString(slot), this.maxCallDuration)
					.thenReturn(Admission.admitted(limit)))
				.switchIfEmpty(Mono.defer(() -> {
					logger.info("Call {} refused: domain {} has {} calls in progress, its limit", callUuid, domain,
							limit);
					return this.state.delete(callKey).thenReturn(Admission.refused(limit));
				}));
		});
	}

	/**
	 * Tries the slots from a random one on: calls end in any order, so free slots are scattered, and a random start
	 * finds one in about {@code 1 / (1 - occupancy)} tries instead of walking past every busy slot from 0.
	 */
	private Mono<Integer> freeSlot(UUID domain, UUID callUuid, int limit) {
		String call = callUuid.toString();
		int start = ThreadLocalRandom.current().nextInt(limit);
		return Flux.range(0, limit)
			.map((i) -> (start + i) % limit)
			.concatMap((slot) -> this.state.putIfAbsent(slotKey(domain, slot), call, this.maxCallDuration)
				.filter(Boolean::booleanValue)
				.map((claimed) -> slot), 1)
			.next();
	}

	/** The answer a concurrent admission of the same call got: admitted once it holds a slot, refused if it gave up. */
	private Mono<Admission> answerOf(String callKey, int limit) {
		return this.state.get(callKey)
			.defaultIfEmpty("")
			.filter((value) -> !CLAIMING.equals(value))
			.repeatWhenEmpty((attempts) -> attempts.take(CLAIM_POLLS).delayElements(CLAIM_POLL_INTERVAL))
			.map((value) -> value.isEmpty() ? Admission.refused(limit) : Admission.admitted(limit))
			.defaultIfEmpty(Admission.refused(limit));
	}

	private static String slotKey(UUID domain, int slot) {
		return "calls:" + domain + ":slot:" + slot;
	}

	private static String callKey(UUID domain, UUID callUuid) {
		return "calls:" + domain + ":call:" + callUuid;
	}

}
