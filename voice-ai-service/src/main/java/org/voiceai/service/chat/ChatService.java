package org.voiceai.service.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.voiceai.calls.ConcurrentCalls;
import org.voiceai.logging.LogContext;
import org.voiceai.providers.ProviderType;
import org.voiceai.providers.llm.ChatModels;
import org.voiceai.providers.llm.ChatStreamEvent;
import org.voiceai.providers.manager.ProviderManager;
import org.voiceai.providers.manager.ProviderSelector;
import org.voiceai.service.conversations.ConversationRecorder;
import org.voiceai.service.conversations.RagSource;
import org.voiceai.service.conversations.RecordedMessage;
import org.voiceai.service.conversations.StageProviders;
import org.voiceai.service.conversations.TurnLatency;
import org.voiceai.service.history.ConversationHistory;
import org.voiceai.service.web.CallLimitExceededException;
import org.voiceai.service.web.SecretaryNotFoundException;
import org.voiceai.tenant.DomainId;
import org.voiceai.tenant.Secretary;
import org.voiceai.tenant.SecretaryRepository;
import org.voiceai.transfer.DestinationMatcher;
import org.voiceai.transfer.TransferDestination;
import org.voiceai.transfer.TransferDestinationRepository;

/**
 * One turn of a turn-based call: the caller's message in, the secretary's reply and the call action out. The
 * conversation so far is kept server-side; knowledge passages and the destinations open now go into the prompt;
 * the model's tool call decides the action; both messages are persisted before the reply is returned.
 */
public class ChatService {

	private static final Logger logger = LoggerFactory.getLogger(ChatService.class);

	/** Messages of history sent to the model: enough context, bounded prompt size. */
	private static final int HISTORY = 20;

	private final SecretaryCache secretaries;

	private final ConversationHistory history;

	private final ConversationRecorder recorder;

	private final KnowledgeLookup knowledge;

	private final ProviderManager providers;

	private final PromptAssembler prompts;

	private final ActionResolver actions;

	private final ConcurrentCalls calls;

	private final Duration retryAfter;

	private final Clock clock;

	public ChatService(SecretaryRepository secretaries, TransferDestinationRepository destinations,
			ConversationHistory history, ConversationRecorder recorder, KnowledgeLookup knowledge,
			ProviderManager providers, PromptAssembler prompts, ActionResolver actions, ConcurrentCalls calls,
			Duration retryAfter, Duration secretaryCacheTtl, Clock clock) {
		this.secretaries = new SecretaryCache(secretaries, destinations, secretaryCacheTtl);
		this.history = history;
		this.recorder = recorder;
		this.knowledge = knowledge;
		this.providers = providers;
		this.prompts = prompts;
		this.actions = actions;
		this.calls = calls;
		this.retryAfter = retryAfter;
		this.clock = clock;
	}

	public Mono<ChatReply> chat(DomainId domain, ChatCommand command) {
		return chat(domain, command, null);
	}

	/**
	 * As {@link #chat(DomainId, ChatCommand)}, but the model's reply is streamed and each piece of its text goes to
	 * {@code pieces} the moment it arrives (on the model's thread, in order), so speech can start before the reply is
	 * complete. The pieces are raw model text: markers included, and a reply the service overrides (a transfer it
	 * cannot make) is still streamed as written; the returned {@link ChatReply} is what counts.
	 * @param pieces receives text as it streams, or null to call the model without streaming
	 */
	public Mono<ChatReply> chat(DomainId domain, ChatCommand command, Consumer<String> pieces) {
		long started = System.nanoTime();
		return this.secretaries.find(domain, command.secretary())
			.switchIfEmpty(Mono.error(new SecretaryNotFoundException(command.secretary())))
			.flatMap((setup) -> admit(domain, command.call()).then(this.recorder
				.open(domain, command.call(), setup.secretary().uuid(), command.callerIdNumber(), null, "turn_based"))
				.flatMap((conversation) -> Mono.zip(this.history.recent(domain, command.call(), HISTORY),
						knowledge(domain, setup.secretary(), command))
					.flatMap((context) -> reply(domain, setup.secretary(), command, conversation, context.getT1(),
							context.getT2(), DestinationMatcher.openAt(this.clock.instant(), setup.destinations()),
							pieces, started))))
			.contextWrite(LogContext.of(domain, command.call()));
	}

	/**
	 * Counts the call against its domain's concurrent-call limit. Every turn asks, and only the first takes a slot:
	 * asking again costs one shared-state read and keeps working when turns land on different instances.
	 */
	private Mono<Void> admit(DomainId domain, UUID call) {
		return this.calls.admit(domain.value(), call)
			.flatMap((admission) -> admission.admitted() ? Mono.<Void>empty()
					: Mono.error(new CallLimitExceededException(domain.value(), admission.limit(), this.retryAfter)));
	}

	private Mono<ChatReply> reply(DomainId domain, Secretary secretary, ChatCommand command, UUID conversation,
			List<ConversationHistory.Message> past, Retrieval retrieval, List<TransferDestination> open,
			Consumer<String> pieces, long started) {
		long userTurns = past.stream().filter((message) -> "user".equals(message.role())).count() + 1;
		if (userTurns > secretary.limits().maxTurns()) {
			return finishAtMaxTurns(domain, secretary, command, conversation, open, retrieval, started);
		}
		ChatRequest request = request(secretary, past, command.userMessage(), open, retrieval.hits());
		long llmStarted = System.nanoTime();
		ProviderSelector selector = (command.provider() != null) ? ProviderSelector.byName(command.provider())
				: ProviderSelector.byId(secretary.providers().llm());
		return this.providers
			.execute(domain, ProviderType.LLM, selector, (llm) -> ask(llm.instance(), request, pieces)
				.map((response) -> new Answer(llm.providerName(), response)))
			.flatMap((answer) -> {
				int llmMillis = millisSince(llmStarted);
				ActionResolver.Resolved resolved = this.actions.resolve(answer.response().aiMessage());
				Decision decision = decide(secretary, resolved, command.userMessage(), open);
				Integer tokens = (answer.response().tokenUsage() != null)
						? answer.response().tokenUsage().totalTokenCount() : null;
				ChatReply reply = new ChatReply(decision.text(), decision.action(), decision.extension(),
						decision.destinationName(), sources(retrieval.hits()), answer.provider(), tokens,
						new TurnLatency(null, retrieval.millis(), llmMillis, null, millisSince(started)));
				return persist(domain, command, conversation, retrieval, reply).thenReturn(reply);
			});
	}

	private static Mono<ChatResponse> ask(ChatModels model, ChatRequest request, Consumer<String> pieces) {
		if (pieces == null) {
			return model.chat(request);
		}
		return model.stream(request)
			.doOnNext((event) -> {
				if (event instanceof ChatStreamEvent.Text text) {
					pieces.accept(text.text());
				}
			})
			.ofType(ChatStreamEvent.Complete.class)
			.last()
			.map(ChatStreamEvent.Complete::response);
	}

	private Mono<ChatReply> finishAtMaxTurns(DomainId domain, Secretary secretary, ChatCommand command,
			UUID conversation, List<TransferDestination> open, Retrieval retrieval, long started) {
		String farewell = Optional.ofNullable(secretary.prompts().farewell()).filter((text) -> !text.isBlank())
			.orElse("Obrigada pela ligação. Até logo!");
		Decision decision = "transfer".equalsIgnoreCase(secretary.transfer().fallbackAction())
				? transferToDefault(secretary, open, farewell)
				: new Decision(ChatAction.HANGUP, farewell, null, null);
		logger.info("Secretary {} reached max_turns ({}): {}", secretary.uuid(), secretary.limits().maxTurns(),
				decision.action().wire());
		ChatReply reply = new ChatReply(decision.text(), decision.action(), decision.extension(),
				decision.destinationName(), List.of(), null, null,
				new TurnLatency(null, null, null, null, millisSince(started)));
		return persist(domain, command, conversation, Retrieval.NONE, reply).thenReturn(reply);
	}

	private ChatRequest request(Secretary secretary, List<ConversationHistory.Message> past, String userMessage,
			List<TransferDestination> open, List<KnowledgeSnippet> hits) {
		List<ChatMessage> messages = new ArrayList<>();
		messages.add(SystemMessage.from(this.prompts.systemPrompt(secretary, open, hits)));
		for (ConversationHistory.Message message : past) {
			messages.add("assistant".equals(message.role()) ? AiMessage.from(message.content())
					: UserMessage.from(message.content()));
		}
		messages.add(UserMessage.from(userMessage));
		ChatRequest.Builder builder = ChatRequest.builder()
			.messages(messages)
			.toolSpecifications(CallTools.ALL)
			.temperature(secretary.model().temperature())
			.maxOutputTokens(secretary.model().maxTokens());
		if (secretary.model().modelOverride() != null && !secretary.model().modelOverride().isBlank()) {
			builder.modelName(secretary.model().modelOverride());
		}
		return builder.build();
	}

	/**
	 * Turns the model's wish into what FreeSWITCH will do: a transfer only to a configured destination that is
	 * open now (else the secretary's default extension, else the conversation continues), never to a number the
	 * model or the caller made up.
	 */
	private Decision decide(Secretary secretary, ActionResolver.Resolved resolved, String userMessage,
			List<TransferDestination> open) {
		if (resolved.action() != ChatAction.TRANSFER) {
			return new Decision(resolved.action(), resolved.text(), null, null);
		}
		Optional<TransferDestination> match = DestinationMatcher.match(resolved.destination(), open)
			.or(() -> DestinationMatcher.match(userMessage, open));
		if (match.isPresent()) {
			return new Decision(ChatAction.TRANSFER, resolved.text(), match.get().number(), match.get().name());
		}
		logger.info("The model asked to transfer to '{}', which matches no open destination", resolved.destination());
		return transferToDefault(secretary, open, resolved.text());
	}

	private static Decision transferToDefault(Secretary secretary, List<TransferDestination> open, String text) {
		Optional<TransferDestination> fallback = open.stream().filter(TransferDestination::isDefault).findFirst();
		if (fallback.isPresent()) {
			return new Decision(ChatAction.TRANSFER, text, fallback.get().number(), fallback.get().name());
		}
		String extension = secretary.transfer().defaultExtension();
		if (extension != null && !extension.isBlank()) {
			return new Decision(ChatAction.TRANSFER, text, extension, null);
		}
		return new Decision(ChatAction.CONTINUE, (text.isBlank()) ? "Desculpe, não consigo transferir agora. "
				+ "Posso anotar um recado?" : text, null, null);
	}

	private Mono<Void> persist(DomainId domain, ChatCommand command, UUID conversation, Retrieval retrieval,
			ChatReply reply) {
		RecordedMessage user = RecordedMessage.user(command.userMessage(), null, null, TurnLatency.NONE);
		RecordedMessage assistant = RecordedMessage.assistant(reply.text(), reply.action().wire(),
				reply.ragSources(), reply.tokensUsed(), new StageProviders(null, reply.provider(), null), reply.latency());
		return this.history.append(domain, command.call(), new ConversationHistory.Message("user", command.userMessage()))
			.then(this.history.append(domain, command.call(), new ConversationHistory.Message("assistant", reply.text())))
			.then(this.recorder.record(domain, conversation, user, assistant))
			.then();
	}

	private Mono<Retrieval> knowledge(DomainId domain, Secretary secretary, ChatCommand command) {
		if (!command.useKnowledge()) {
			return Mono.just(Retrieval.NONE);
		}
		long started = System.nanoTime();
		return this.knowledge.find(domain, secretary.uuid(), command.userMessage())
			.map((hits) -> new Retrieval(hits, millisSince(started)))
			.onErrorResume((error) -> {
				// A broken knowledge base must not silence the secretary: answer without it.
				logger.warn("Knowledge search failed; answering without it: {}", error.toString());
				return Mono.just(new Retrieval(List.of(), millisSince(started)));
			});
	}

	private static List<RagSource> sources(List<KnowledgeSnippet> hits) {
		return hits.stream().map((hit) -> new RagSource(hit.document(), hit.page(), hit.score())).toList();
	}

	private static int millisSince(long nanos) {
		return (int) ((System.nanoTime() - nanos) / 1_000_000);
	}

	private record Answer(String provider, ChatResponse response) {
	}

	private record Decision(ChatAction action, String text, String extension, String destinationName) {
	}

	private record Retrieval(List<KnowledgeSnippet> hits, Integer millis) {

		static final Retrieval NONE = new Retrieval(List.of(), null);

	}

}
