package org.voiceai.realtime.call;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.realtime.TestCalls;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The call's timers on a clock the test moves: a silent caller is asked once whether they are still there, then
 * hears the farewell and is hung up once it has played; a call at its maximum duration says goodbye. And the pacing
 * clock's tick, which must never wait for a call that another thread is working on.
 */
class CallSessionTimersTest {

	static final long SECOND = 1_000_000_000L;

	final AtomicLong now = new AtomicLong(1_000 * SECOND);

	final ScriptedConversation conversation = new ScriptedConversation();

	final CallSides sides = new CallSides();

	CallSession session;

	@BeforeEach
	void startCall() {
		CallContext context = TestCalls.context("{}");
		this.session = this.sides.session(context, this.conversation, new CallMetrics(new SimpleMeterRegistry()),
				ScriptedConversation.noFailover(), this.now::get);
		this.session.start();
		reply(500);
	}

	@Test
	void aSilentCallerIsAskedOnceThenHearsTheFarewellAndIsHungUpAfterIt() {
		advance(29);
		assertThat(this.conversation.requests).hasSize(1);
		advance(2);
		assertThat(this.conversation.requests).hasSize(2);
		assertThat(this.conversation.requests.get(1)).contains("still there");
		reply(300);

		advance(31);
		assertThat(this.conversation.requests).hasSize(3);
		assertThat(this.conversation.requests.get(2)).contains("Obrigada pela ligação, até logo!");
		assertThat(this.session.state()).isEqualTo(CallState.ENDING);
		reply(1000);
		// The farewell is one second long: no hang-up while it plays.
		advanceMillis(500);
		assertThat(this.sides.control).isEmpty();
		advanceMillis(600);
		assertThat(this.sides.control).containsExactly("hangup");

		this.session.streamClosed();
		assertThat(this.sides.outcomes).containsExactly(CallOutcome.hungUp("caller silent"));
	}

	@Test
	void theCallerSpeakingResetsTheIdleTimer() {
		advance(25);
		this.session.onProviderEvent(new ProviderEvent.SpeechStarted());
		this.session.onProviderEvent(new ProviderEvent.SpeechStopped());
		advance(25);
		assertThat(this.conversation.requests).hasSize(1);
	}

	@Test
	void atItsMaximumDurationTheCallSaysGoodbye() {
		// The caller keeps talking, so only the 600 s limit can end the call.
		for (int minute = 0; minute < 10; minute++) {
			advance(20);
			this.session.onProviderEvent(new ProviderEvent.SpeechStopped());
			advance(20);
			this.session.onProviderEvent(new ProviderEvent.SpeechStopped());
			advance(20);
			this.session.onProviderEvent(new ProviderEvent.SpeechStopped());
		}
		assertThat(this.conversation.requests).hasSize(1);
		advance(1);
		assertThat(this.conversation.requests).last().asString().contains("Obrigada pela ligação");
		reply(200);
		advanceMillis(300);
		assertThat(this.sides.control).containsExactly("hangup");
		// Until FreeSWITCH reports the hang-up, time goes on without a second goodbye.
		advance(60);
		assertThat(this.conversation.requests).hasSize(2);
		assertThat(this.sides.control).containsExactly("hangup");
	}

	@Test
	void theTickSkipsACallWhoseLockAnotherThreadHoldsInsteadOfWaiting() throws Exception {
		advance(1);
		CountDownLatch playing = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.sides.whilePlaying = () -> {
			playing.countDown();
			try {
				release.await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
		ExecutorService providerThread = Executors.newSingleThreadExecutor();
		try {
			// The provider's thread enqueues a reply and stalls while sending its first frame, holding the lock.
			Future<?> delta = providerThread.submit(() -> reply(100));
			assertThat(playing.await(10, TimeUnit.SECONDS)).isTrue();
			CompletableFuture<Boolean> ticked = CompletableFuture.supplyAsync(this.session::tick);
			assertThat(ticked.get(10, TimeUnit.SECONDS)).as("ticked while the lock was held").isFalse();

			release.countDown();
			delta.get(10, TimeUnit.SECONDS);
			this.sides.whilePlaying = () -> {
			};
			assertThat(this.session.tick()).isTrue();
		}
		finally {
			release.countDown();
			providerThread.shutdownNow();
		}
	}

	/** The provider speaks a reply of {@code millis} and finishes it. */
	private void reply(int millis) {
		this.session.onProviderEvent(new ProviderEvent.AudioDelta(new byte[millis * 48]));
		this.session.onProviderEvent(new ProviderEvent.ResponseDone());
	}

	private void advance(int seconds) {
		advanceMillis(seconds * 1000L);
	}

	private void advanceMillis(long millis) {
		for (long t = 0; t < millis; t += 10) {
			this.now.addAndGet(10_000_000L);
			this.session.tick();
		}
	}

}
