package org.voiceai.service.audio;

import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * The bounded scheduler for blocking file work (reading recordings, writing and trimming synthesized speech), so no
 * event-loop thread ever waits on the disk. Disposed with the application context.
 */
public final class AudioSchedulers implements AutoCloseable {

	private final Scheduler files = Schedulers.newBoundedElastic(8, 1_000, "voice-ai-files");

	public Scheduler files() {
		return this.files;
	}

	@Override
	public void close() {
		this.files.dispose();
	}

}
