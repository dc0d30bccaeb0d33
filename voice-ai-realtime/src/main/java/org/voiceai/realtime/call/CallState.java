package org.voiceai.realtime.call;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a call is. The allowed moves are this one table; {@link CallSession} refuses any other.
 * <pre>
 * CONNECTING ─▶ GREETING ─▶ LISTENING ◀─▶ RESPONDING
 *      │            │        ▲  │              │
 *      │            └──▶ SWITCHING ◀───────────┤   (provider failed: to the next one)
 *      │                      │                │
 *      └──────────────────────┴───┬────────────┘
 *                                 ▼
 *                  TRANSFERRING / ENDING ─▶ ENDED
 * </pre>
 * Every state may go straight to {@code ENDED} (the caller hung up, or the stream broke). {@code SWITCHING} goes
 * back to {@code LISTENING} on the next provider, or to {@code ENDING} (the apology) when there is none.
 */
public enum CallState {

	/** Secretary loaded; connecting to the provider. */
	CONNECTING,

	/** The provider is saying the greeting. */
	GREETING,

	/** Waiting for the caller. */
	LISTENING,

	/** The agent is answering. */
	RESPONDING,

	/** The provider failed mid-call; the caller hears the holding phrase while the next provider connects. */
	SWITCHING,

	/** The transfer announcement is playing; then the call is transferred. */
	TRANSFERRING,

	/** The farewell (or an apology) is playing; then the call is hung up. */
	ENDING,

	/** Over: provider closed, outcome recorded. */
	ENDED;

	private static final Map<CallState, Set<CallState>> NEXT = Map.of(
			CONNECTING, EnumSet.of(GREETING, LISTENING, ENDING, ENDED),
			GREETING, EnumSet.of(LISTENING, RESPONDING, SWITCHING, TRANSFERRING, ENDING, ENDED),
			LISTENING, EnumSet.of(RESPONDING, SWITCHING, TRANSFERRING, ENDING, ENDED),
			RESPONDING, EnumSet.of(LISTENING, RESPONDING, SWITCHING, TRANSFERRING, ENDING, ENDED),
			SWITCHING, EnumSet.of(LISTENING, ENDING, ENDED),
			TRANSFERRING, EnumSet.of(LISTENING, ENDING, ENDED),
			ENDING, EnumSet.of(ENDED),
			ENDED, EnumSet.noneOf(CallState.class));

	public boolean canMoveTo(CallState next) {
		return NEXT.get(this).contains(next);
	}

	/** Whether the caller may interrupt the agent (not during a transfer announcement or the farewell). */
	public boolean allowsBargeIn() {
		return this == GREETING || this == LISTENING || this == RESPONDING;
	}

}
