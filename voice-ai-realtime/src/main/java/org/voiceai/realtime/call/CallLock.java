package org.voiceai.realtime.call;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Serialises everything that changes one call: the caller's socket, the provider's socket, ESL events and the pacing
 * clock all enter the call through it. A lock rather than {@code synchronized} for one reason: the pacing clock ticks
 * every call from a single thread, and when a call's lock is held (by a provider thread that the OS has just
 * descheduled, say) the tick must skip that call instead of waiting, or every other call's audio would wait too.
 */
final class CallLock {

	private final ReentrantLock lock = new ReentrantLock();

	void run(Runnable action) {
		this.lock.lock();
		try {
			action.run();
		}
		finally {
			this.lock.unlock();
		}
	}

	long get(LongSupplier value) {
		this.lock.lock();
		try {
			return value.getAsLong();
		}
		finally {
			this.lock.unlock();
		}
	}

	/** Runs {@code action} only if no other thread holds the lock; returns whether it ran. */
	boolean runIfFree(Runnable action) {
		if (!this.lock.tryLock()) {
			return false;
		}
		try {
			action.run();
			return true;
		}
		finally {
			this.lock.unlock();
		}
	}

}
