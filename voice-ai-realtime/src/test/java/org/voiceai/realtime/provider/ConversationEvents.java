package org.voiceai.realtime.provider;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.voiceai.providers.realtime.ProviderEvent;
import org.voiceai.providers.realtime.RealtimeConversation;

/** Collects a conversation's events for assertions from the test thread. */
public final class ConversationEvents {

	private static final Object COMPLETE = new Object();

	private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();

	private final List<ProviderEvent> seen = new ArrayList<>();

	public ConversationEvents(RealtimeConversation conversation) {
		conversation.events().subscribe(this.queue::add, this.queue::add, () -> this.queue.add(COMPLETE));
	}

	/** The next event of {@code type}, skipping others (they stay in {@link #seen()}). */
	public <T extends ProviderEvent> T next(Class<T> type) {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Object item = poll(deadline - System.nanoTime(), type.getSimpleName());
			if (item == COMPLETE) {
				throw new AssertionError("events completed before a " + type.getSimpleName() + "; saw " + this.seen);
			}
			if (item instanceof Throwable error) {
				throw new AssertionError("events failed", error);
			}
			this.seen.add((ProviderEvent) item);
			if (type.isInstance(item)) {
				return type.cast(item);
			}
		}
	}

	/** Events up to and including the next {@link ProviderEvent.ResponseDone}. */
	public List<ProviderEvent> untilResponseDone() {
		int from = this.seen.size();
		next(ProviderEvent.ResponseDone.class);
		return List.copyOf(this.seen.subList(from, this.seen.size()));
	}

	/** Collects audio deltas until {@code bytes} of audio arrived. */
	public int audioBytes(int bytes) {
		int total = 0;
		while (total < bytes) {
			total += next(ProviderEvent.AudioDelta.class).audio().length;
		}
		return total;
	}

	/** Waits for completion, returning every event seen until then. */
	public List<ProviderEvent> awaitCompletion() {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (true) {
			Object item = poll(deadline - System.nanoTime(), "completion");
			if (item == COMPLETE) {
				return List.copyOf(this.seen);
			}
			if (item instanceof Throwable error) {
				throw new AssertionError("events failed instead of completing", error);
			}
			this.seen.add((ProviderEvent) item);
		}
	}

	public List<ProviderEvent> seen() {
		return List.copyOf(this.seen);
	}

	private Object poll(long nanos, String what) {
		try {
			Object item = this.queue.poll(Math.max(0, nanos), TimeUnit.NANOSECONDS);
			if (item == null) {
				throw new AssertionError("no " + what + " within 10 s; saw " + this.seen);
			}
			return item;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new AssertionError(ex);
		}
	}

	/** The total length of the audio deltas among {@code events}, in bytes. */
	public static int audioBytes(List<ProviderEvent> events) {
		return events.stream()
			.filter(ProviderEvent.AudioDelta.class::isInstance)
			.mapToInt((event) -> ((ProviderEvent.AudioDelta) event).audio().length)
			.sum();
	}

}
