package org.voiceai.realtime.call;

import org.voiceai.realtime.tool.ToolResult.FollowUp;

/**
 * A transfer or hang-up waiting for the agent's announcement (or farewell) to be heard. The announcement is the
 * provider's reply to the tool result: it counts as given when a reply with audio has completed after the result
 * was sent, or when two replies completed (the function call's own reply may complete after the result was sent),
 * or when the deadline passes. The call session then also waits until the pacer has played everything out.
 */
final class PendingAction {

	private final FollowUp followUp;

	private final CallOutcome outcome;

	private final long deadline;

	private boolean audioHeard;

	private int repliesDone;

	PendingAction(FollowUp followUp, CallOutcome outcome, long deadline) {
		this.followUp = followUp;
		this.outcome = outcome;
		this.deadline = deadline;
	}

	/** For an announcement the bridge requests itself (no tool call, so exactly one reply follows). */
	static PendingAction afterNextReply(FollowUp followUp, CallOutcome outcome, long deadline) {
		PendingAction action = new PendingAction(followUp, outcome, deadline);
		action.repliesDone = 1;
		return action;
	}

	FollowUp followUp() {
		return this.followUp;
	}

	CallOutcome outcome() {
		return this.outcome;
	}

	void audioHeard() {
		this.audioHeard = true;
	}

	void responseDone() {
		this.repliesDone++;
	}

	boolean announced(boolean replyInProgress, long now) {
		if (now >= this.deadline) {
			return true;
		}
		return !replyInProgress && ((this.audioHeard && this.repliesDone >= 1) || this.repliesDone >= 2);
	}

}
