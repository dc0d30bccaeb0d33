package org.voiceai.realtime.call;

/**
 * How a call ended, as stored in the conversation and sent in the call-end webhook.
 *
 * @param action {@code transfer}, {@code hangup}, {@code caller_hangup} or {@code error}
 * @param transferExtension where the call went, for a transfer
 * @param transferDestination the destination's name, for a transfer
 * @param reason why, in words an operator understands
 */
public record CallOutcome(String action, String transferExtension, String transferDestination, String reason) {

	public static CallOutcome transferred(String extension, String destination) {
		return new CallOutcome("transfer", extension, destination, null);
	}

	public static CallOutcome hungUp(String reason) {
		return new CallOutcome("hangup", null, null, reason);
	}

	public static CallOutcome callerHungUp() {
		return new CallOutcome("caller_hangup", null, null, null);
	}

	public static CallOutcome failed(String reason) {
		return new CallOutcome("error", null, null, reason);
	}

}
