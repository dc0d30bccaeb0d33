package org.voiceai.providers.llm;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.voiceai.providers.error.ProviderUnavailableException;

import static org.assertj.core.api.Assertions.assertThat;

/** The reactive face of a chat provider: blocking calls off the caller's thread, streams as Flux. */
class ChatModelsTest {

	static final ChatRequest REQUEST = ChatRequest.builder().messages(UserMessage.from("Bom dia")).build();

	static final ChatResponse REPLY = ChatResponse.builder()
		.aiMessage(AiMessage.from("Bom dia! Em que posso ajudar?"))
		.build();

	@Test
	void theBlockingModelRunsOnBoundedElasticNotOnTheCallersThread() {
		AtomicReference<String> thread = new AtomicReference<>();
		ChatModel blocking = new ChatModel() {
			@Override
			public ChatResponse doChat(ChatRequest request) {
				thread.set(Thread.currentThread().getName());
				return REPLY;
			}
		};
		ChatModels models = new ChatModels(blocking, new ScriptedStream(List.of(), null));

		StepVerifier.create(models.chat(REQUEST)).expectNext(REPLY).verifyComplete();

		assertThat(thread.get()).startsWith("boundedElastic-");
	}

	@Test
	void aStreamEmitsEachPieceThenTheWholeReply() {
		ScriptedStream stream = new ScriptedStream(List.of("Bom dia!", " Em que", " posso ajudar?"), null);
		ChatModels models = new ChatModels(unused(), stream);

		StepVerifier.create(models.stream(REQUEST))
			.expectNext(new ChatStreamEvent.Text("Bom dia!"), new ChatStreamEvent.Text(" Em que"),
					new ChatStreamEvent.Text(" posso ajudar?"))
			.expectNext(new ChatStreamEvent.Complete(REPLY))
			.verifyComplete();
	}

	@Test
	void aStreamFailureEndsTheFlux() {
		ProviderUnavailableException failure = new ProviderUnavailableException("fake", "HTTP 503", null);
		ChatModels models = new ChatModels(unused(), new ScriptedStream(List.of("Bom"), failure));

		StepVerifier.create(models.stream(REQUEST))
			.expectNext(new ChatStreamEvent.Text("Bom"))
			.expectErrorSatisfies((error) -> assertThat(error).isSameAs(failure))
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void cancellingTheFluxCancelsTheProvidersStream() throws InterruptedException {
		ScriptedStream stream = new ScriptedStream(List.of("um", "dois", "três"), null);
		stream.waitForCancelAfterEachPiece = true;
		ChatModels models = new ChatModels(unused(), stream);

		StepVerifier.create(models.stream(REQUEST), 1).expectNext(new ChatStreamEvent.Text("um")).thenCancel().verify();

		assertThat(stream.stopped.await(5, TimeUnit.SECONDS)).isTrue();
		assertThat(stream.handleCancelled).isTrue();
		assertThat(stream.delivered).isEqualTo(1);
	}

	private static ChatModel unused() {
		return new ChatModel() {
		};
	}

	/**
	 * Plays pieces of text (stopping when its handle is cancelled), then the reply or a failure, like langchain4j's
	 * streaming models do on their own thread. It can wait up to 2 s after each piece for a cancel.
	 */
	static final class ScriptedStream implements StreamingChatModel {

		private final List<String> pieces;

		private final Throwable failure;

		volatile boolean waitForCancelAfterEachPiece;

		volatile boolean handleCancelled;

		volatile int delivered;

		final CountDownLatch stopped = new CountDownLatch(1);

		ScriptedStream(List<String> pieces, Throwable failure) {
			this.pieces = pieces;
			this.failure = failure;
		}

		@Override
		public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
			CountDownLatch cancelled = new CountDownLatch(1);
			StreamingHandle handle = new StreamingHandle() {
				@Override
				public void cancel() {
					ScriptedStream.this.handleCancelled = true;
					cancelled.countDown();
				}

				@Override
				public boolean isCancelled() {
					return cancelled.getCount() == 0;
				}
			};
			new Thread(() -> {
				try {
					play(handler, handle, cancelled);
				}
				finally {
					this.stopped.countDown();
				}
			}).start();
		}

		private void play(StreamingChatResponseHandler handler, StreamingHandle handle, CountDownLatch cancelled) {
			for (String piece : this.pieces) {
				if (handle.isCancelled()) {
					return;
				}
				this.delivered++;
				handler.onPartialResponse(new PartialResponse(piece), new PartialResponseContext(handle));
				if (this.waitForCancelAfterEachPiece && awaits(cancelled)) {
					return;
				}
			}
			if (this.failure != null) {
				handler.onError(this.failure);
			}
			else {
				handler.onCompleteResponse(REPLY);
			}
		}

		private static boolean awaits(CountDownLatch latch) {
			try {
				return latch.await(2, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return true;
			}
		}

	}

}
