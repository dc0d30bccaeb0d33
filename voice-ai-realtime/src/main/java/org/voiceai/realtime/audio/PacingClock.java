package org.voiceai.realtime.audio;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * One thread that ticks every call's session every 10 ms (half a frame), so paced audio keeps flowing between provider
 * deltas and timers fire. One thread for all calls: a tick per call costs microseconds, and a thread per call would
 * not survive hundreds of calls on two cores.
 */
public class PacingClock implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(PacingClock.class);

	private final Runnable tick;

	private ScheduledExecutorService executor;

	/** @param tick ticks every active call; must not block */
	public PacingClock(Runnable tick) {
		this.tick = tick;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, "voice-ai-pacing");
			thread.setDaemon(true);
			thread.setPriority(Thread.MAX_PRIORITY);
			return thread;
		});
		this.executor.scheduleAtFixedRate(this::safeTick, 10, 10, TimeUnit.MILLISECONDS);
	}

	@Override
	public synchronized void stop() {
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void safeTick() {
		try {
			this.tick.run();
		}
		catch (RuntimeException ex) {
			// An exception would cancel the schedule and silence every call.
			logger.error("Pacing tick failed", ex);
		}
	}

}
