package org.voiceai.calls;

/**
 * The answer to {@link ConcurrentCalls#admit}: whether the call holds one of its domain's slots, and the domain's
 * limit (for the refusal message and for logs).
 *
 * @param admitted true when the call holds a slot (newly or from an earlier admission of the same call)
 * @param limit the domain's concurrent-call limit that applied
 */
public record Admission(boolean admitted, int limit) {

	static Admission admitted(int limit) {
		return new Admission(true, limit);
	}

	static Admission refused(int limit) {
		return new Admission(false, limit);
	}

}
