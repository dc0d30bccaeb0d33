package org.voiceai.realtime.call;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Walks the transition table: what a call may do next from each state. */
class CallStateTest {

	@Test
	void everyStateCanEndAtOnceAndEndedIsFinal() {
		for (CallState state : EnumSet.range(CallState.CONNECTING, CallState.ENDING)) {
			assertThat(state.canMoveTo(CallState.ENDED)).as(state.name()).isTrue();
		}
		for (CallState next : CallState.values()) {
			assertThat(CallState.ENDED.canMoveTo(next)).as(next.name()).isFalse();
		}
	}

	@Test
	void theConversationAlternatesBetweenListeningAndResponding() {
		assertThat(CallState.CONNECTING.canMoveTo(CallState.GREETING)).isTrue();
		assertThat(CallState.GREETING.canMoveTo(CallState.LISTENING)).isTrue();
		assertThat(CallState.LISTENING.canMoveTo(CallState.RESPONDING)).isTrue();
		assertThat(CallState.RESPONDING.canMoveTo(CallState.LISTENING)).isTrue();
		assertThat(CallState.LISTENING.canMoveTo(CallState.GREETING)).isFalse();
	}

	@Test
	void aFarewellIsNeverInterruptedOrUndone() {
		assertThat(CallState.ENDING.canMoveTo(CallState.LISTENING)).isFalse();
		assertThat(CallState.ENDING.canMoveTo(CallState.TRANSFERRING)).isFalse();
		assertThat(CallState.ENDING.allowsBargeIn()).isFalse();
		assertThat(CallState.TRANSFERRING.allowsBargeIn()).isFalse();
		// A failed transfer goes back to the conversation; a transfer can still end with a farewell.
		assertThat(CallState.TRANSFERRING.canMoveTo(CallState.LISTENING)).isTrue();
		assertThat(CallState.TRANSFERRING.canMoveTo(CallState.ENDING)).isTrue();
	}

	@Test
	void aFailedProviderIsReplacedOnlyInTheMiddleOfTheConversation() {
		for (CallState state : EnumSet.of(CallState.GREETING, CallState.LISTENING, CallState.RESPONDING)) {
			assertThat(state.canMoveTo(CallState.SWITCHING)).as(state.name()).isTrue();
		}
		assertThat(CallState.TRANSFERRING.canMoveTo(CallState.SWITCHING)).isFalse();
		assertThat(CallState.ENDING.canMoveTo(CallState.SWITCHING)).isFalse();
		// On the next provider the call listens; without one it apologises and ends.
		assertThat(CallState.SWITCHING.canMoveTo(CallState.LISTENING)).isTrue();
		assertThat(CallState.SWITCHING.canMoveTo(CallState.ENDING)).isTrue();
		assertThat(CallState.SWITCHING.canMoveTo(CallState.RESPONDING)).isFalse();
		assertThat(CallState.SWITCHING.allowsBargeIn()).isFalse();
	}

	@Test
	void theCallerMayInterruptTheGreetingAndAnswers() {
		assertThat(CallState.GREETING.allowsBargeIn()).isTrue();
		assertThat(CallState.RESPONDING.allowsBargeIn()).isTrue();
		assertThat(CallState.CONNECTING.allowsBargeIn()).isFalse();
	}

}
