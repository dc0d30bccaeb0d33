package org.voiceai.realtime.tool;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.voiceai.realtime.call.CallContext;
import org.voiceai.transfer.DestinationMatcher;
import org.voiceai.transfer.TransferDestination;
import org.voiceai.transfer.TransferDestinationRepository;

/**
 * {@code transfer_call(destination)}: resolves a department, person or number the caller asked for against the
 * domain's transfer destinations (names, aliases, departments; open now), and transfers after the announcement. An
 * unknown or closed destination is answered so the model can tell the caller and offer alternatives.
 */
public class TransferCallTool implements CallTool {

	static final String NAME = "transfer_call";

	private final TransferDestinationRepository destinations;

	private final JsonMapper json;

	private final Clock clock;

	public TransferCallTool(TransferDestinationRepository destinations, JsonMapper json, Clock clock) {
		this.destinations = destinations;
		this.json = json;
		this.clock = clock;
	}

	@Override
	public ToolSpecification specification() {
		return ToolSpecification.builder()
			.name(NAME)
			.description("Transfer the caller to a department or person from the transfer destinations list. "
					+ "Tell the caller you are transferring before calling this.")
			.parameters(JsonObjectSchema.builder()
				.addStringProperty("destination", "the destination's name or department, as the caller asked")
				.required("destination")
				.build())
			.build();
	}

	@Override
	public Mono<ToolResult> invoke(CallContext call, JsonNode arguments) {
		String requested = arguments.path("destination").asString("").strip();
		if (requested.isEmpty()) {
			return Mono.just(ToolResult.answer(error("Ask the caller where they want to be transferred.")));
		}
		return this.destinations.findForSecretary(call.domain(), call.secretary().uuid())
			.collectList()
			.map((all) -> resolve(call, requested, all));
	}

	private ToolResult resolve(CallContext call, String requested, List<TransferDestination> all) {
		List<TransferDestination> open = DestinationMatcher.openAt(this.clock.instant(), all);
		Optional<TransferDestination> match = DestinationMatcher.match(requested, open);
		if (match.isEmpty()) {
			boolean closed = DestinationMatcher.match(requested, all).isPresent();
			return ToolResult.answer(error(closed ? "'" + requested + "' is not taking calls right now. Offer to take a message."
					: "There is no destination called '" + requested + "'. Available: " + names(open) + "."));
		}
		TransferDestination destination = match.get();
		String context = (destination.context() != null && !destination.context().isBlank()) ? destination.context()
				: call.domainName();
		ObjectNode output = this.json.createObjectNode();
		output.put("ok", true);
		output.put("destination", destination.name());
		String announcement = call.secretary().prompts().transferMessage();
		output.put("say", (announcement != null && !announcement.isBlank()) ? announcement
				: "Tell the caller, in one short sentence, that you are transferring them to " + destination.name() + ".");
		return new ToolResult(output.toString(),
				new ToolResult.FollowUp.Transfer(destination.number(), context, destination.name()));
	}

	private String error(String message) {
		ObjectNode output = this.json.createObjectNode();
		output.put("ok", false);
		output.put("error", message);
		return output.toString();
	}

	private static String names(List<TransferDestination> destinations) {
		return destinations.isEmpty() ? "none"
				: String.join(", ", destinations.stream().map(TransferDestination::name).toList());
	}

}
