package org.voiceai.realtime.provider.gemini.internal;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The client messages of Gemini Live (BidiGenerateContent), written as JSON text: each is an object with exactly one
 * top-level key, in the camelCase of the reference documentation.
 */
public final class LiveMessages {

	/** JSON Schema keywords Gemini's {@code Schema} has a field for; others (additionalProperties, $ref) are refused. */
	private static final Set<String> SCHEMA_KEYWORDS = Set.of("description", "enum", "required", "minimum", "maximum",
			"minItems", "maxItems", "minLength", "maxLength", "pattern", "title");

	/** Tells the model that a text turn is the bridge's instruction, not words of the caller. */
	static final String INSTRUCTION_PREFIX = "[Instruction from the phone system, not spoken by the caller] ";

	private final JsonMapper json;

	public LiveMessages(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The {@code setup} message: audio replies in {@code voice}, both transcriptions on, the tools as function
	 * declarations, automatic activity detection as configured, and resumption (with {@code handle} to resume a
	 * session) and context compression when enabled.
	 */
	public String setup(Setup setup) {
		ObjectNode message = this.json.createObjectNode();
		ObjectNode body = message.putObject("setup");
		body.put("model", setup.model());
		ObjectNode generation = body.putObject("generationConfig");
		generation.putArray("responseModalities").add("AUDIO");
		ObjectNode speech = generation.putObject("speechConfig");
		speech.putObject("voiceConfig").putObject("prebuiltVoiceConfig").put("voiceName", setup.voice());
		if (setup.languageCode() != null) {
			speech.put("languageCode", setup.languageCode());
		}
		body.putObject("systemInstruction").putArray("parts").addObject().put("text",
				(setup.instructions() != null) ? setup.instructions() : "");
		if (!setup.tools().isEmpty()) {
			ArrayNode declarations = body.putArray("tools").addObject().putArray("functionDeclarations");
			for (ToolSpecification tool : setup.tools()) {
				declarations.add(functionDeclaration(tool));
			}
		}
		body.set("realtimeInputConfig", setup.realtimeInputConfig());
		body.putObject("inputAudioTranscription");
		body.putObject("outputAudioTranscription");
		if (setup.resumption()) {
			ObjectNode resumption = body.putObject("sessionResumption");
			if (setup.handle() != null) {
				resumption.put("handle", setup.handle());
			}
		}
		if (setup.compression()) {
			body.putObject("contextWindowCompression").putObject("slidingWindow");
		}
		return this.json.writeValueAsString(message);
	}

	/** {@code realtimeInputConfig.automaticActivityDetection} and {@code activityHandling}; nulls are left out. */
	public ObjectNode realtimeInputConfig(String startSensitivity, String endSensitivity, Integer prefixPaddingMs,
			Integer silenceDurationMs, boolean interrupts) {
		ObjectNode config = this.json.createObjectNode();
		ObjectNode detection = config.putObject("automaticActivityDetection").put("disabled", false);
		if (startSensitivity != null) {
			detection.put("startOfSpeechSensitivity", "START_SENSITIVITY_" + startSensitivity.toUpperCase(Locale.ROOT));
		}
		if (endSensitivity != null) {
			detection.put("endOfSpeechSensitivity", "END_SENSITIVITY_" + endSensitivity.toUpperCase(Locale.ROOT));
		}
		if (prefixPaddingMs != null) {
			detection.put("prefixPaddingMs", prefixPaddingMs);
		}
		if (silenceDurationMs != null) {
			detection.put("silenceDurationMs", silenceDurationMs);
		}
		config.put("activityHandling", interrupts ? "START_OF_ACTIVITY_INTERRUPTS" : "NO_INTERRUPTION");
		return config;
	}

	/** {@code realtimeInput.audio}, written by hand: it is sent every 20 ms and base64 needs no escaping. */
	public String audio(byte[] pcm, int sampleRate) {
		String base64 = Base64.getEncoder().encodeToString(pcm);
		return new StringBuilder(base64.length() + 80).append("{\"realtimeInput\":{\"audio\":{\"data\":\"")
			.append(base64)
			.append("\",\"mimeType\":\"audio/pcm;rate=")
			.append(sampleRate)
			.append("\"}}}")
			.toString();
	}

	/**
	 * A {@code clientContent} user turn with {@code turnComplete}: Gemini has no "respond now" message, so the bridge's
	 * instruction (greeting, reprompt, farewell) is a text turn the model answers, marked as coming from the system.
	 */
	public String instruction(String instructions) {
		ObjectNode message = this.json.createObjectNode();
		ObjectNode content = message.putObject("clientContent");
		content.putArray("turns").addObject().put("role", "user").putArray("parts").addObject().put("text",
				INSTRUCTION_PREFIX + ((instructions != null && !instructions.isBlank()) ? instructions
						: "Continue the conversation."));
		content.put("turnComplete", true);
		return this.json.writeValueAsString(message);
	}

	/** The conversation so far as {@code clientContent} turns without {@code turnComplete}: context, not a question. */
	public String history(List<Turn> turns) {
		ObjectNode message = this.json.createObjectNode();
		ObjectNode content = message.putObject("clientContent");
		ArrayNode array = content.putArray("turns");
		for (Turn turn : turns) {
			ObjectNode node = array.addObject();
			ObjectNode part = this.json.createObjectNode();
			if (turn instanceof Turn.CallerText caller) {
				node.put("role", "user");
				part.put("text", caller.text());
			}
			else if (turn instanceof Turn.AgentText agent) {
				node.put("role", "model");
				part.put("text", agent.text());
			}
			else if (turn instanceof Turn.FunctionCall call) {
				node.put("role", "model");
				part.putObject("functionCall").put("id", call.id()).put("name", call.name()).set("args",
						object(call.argsJson(), "args"));
			}
			else if (turn instanceof Turn.FunctionResult result) {
				node.put("role", "user");
				part.putObject("functionResponse").put("id", result.id()).put("name", result.name()).set("response",
						object(result.resultJson(), "output"));
			}
			node.putArray("parts").add(part);
		}
		content.put("turnComplete", false);
		return this.json.writeValueAsString(message);
	}

	/**
	 * {@code toolResponse} for one call. A JSON object result is the whole {@code response}; anything else is wrapped as
	 * {@code {"output": …}}, the key Gemini reads a function's output from.
	 */
	public String toolResponse(String id, String name, String resultJson) {
		ObjectNode message = this.json.createObjectNode();
		message.putObject("toolResponse")
			.putArray("functionResponses")
			.addObject()
			.put("id", id)
			.put("name", name)
			.set("response", object(resultJson, "output"));
		return this.json.writeValueAsString(message);
	}

	/** {@code text} as a JSON object; a non-object (or unparsable text) is wrapped under {@code key}. */
	private ObjectNode object(String text, String key) {
		JsonNode node;
		try {
			node = this.json.readTree((text != null) ? text : "null");
		}
		catch (JacksonException ex) {
			node = this.json.getNodeFactory().stringNode(text);
		}
		if (node instanceof ObjectNode object) {
			return object;
		}
		ObjectNode wrapped = this.json.createObjectNode();
		wrapped.set(key, node);
		return wrapped;
	}

	private ObjectNode functionDeclaration(ToolSpecification tool) {
		ObjectNode node = this.json.createObjectNode();
		node.put("name", tool.name());
		if (tool.description() != null) {
			node.put("description", tool.description());
		}
		if (tool.parameters() != null && !tool.parameters().properties().isEmpty()) {
			node.set("parameters", schema(this.json.valueToTree(JsonSchemaElementUtils.toMap(tool.parameters()))));
		}
		return node;
	}

	/**
	 * A JSON Schema (as langchain4j writes it) in Gemini's OpenAPI-style {@code Schema}: upper-case types, a
	 * {@code ["string", "null"]} type as {@code nullable}, enums as strings, and the keywords it has no field for
	 * (additionalProperties, $ref, definitions) left out.
	 */
	ObjectNode schema(JsonNode jsonSchema) {
		ObjectNode schema = this.json.createObjectNode();
		JsonNode type = jsonSchema.path("type");
		if (type.isArray()) {
			for (JsonNode option : type) {
				if ("null".equals(option.asString(""))) {
					schema.put("nullable", true);
				}
				else {
					schema.put("type", option.asString("").toUpperCase(Locale.ROOT));
				}
			}
		}
		else if (type.isString()) {
			schema.put("type", type.asString().toUpperCase(Locale.ROOT));
		}
		else if (jsonSchema.has("enum")) {
			schema.put("type", "STRING");
		}
		else if (!jsonSchema.has("anyOf")) {
			schema.put("type", "OBJECT");
		}
		for (Map.Entry<String, JsonNode> field : jsonSchema.properties()) {
			String key = field.getKey();
			JsonNode value = field.getValue();
			if (SCHEMA_KEYWORDS.contains(key)) {
				schema.set(key, value.deepCopy());
			}
			else if ("properties".equals(key)) {
				ObjectNode properties = schema.putObject("properties");
				for (Map.Entry<String, JsonNode> property : value.properties()) {
					properties.set(property.getKey(), schema(property.getValue()));
				}
			}
			else if ("items".equals(key)) {
				schema.set("items", schema(value));
			}
			else if ("anyOf".equals(key)) {
				ArrayNode options = schema.putArray("anyOf");
				for (JsonNode option : value) {
					options.add(schema(option));
				}
			}
		}
		if (schema.has("enum")) {
			schema.put("format", "enum");
		}
		return schema;
	}

	/**
	 * What {@link #setup} writes.
	 *
	 * @param languageCode BCP-47 language for speech, or {@code null}
	 * @param handle a resumption handle to resume a session with, or {@code null} for a new session
	 */
	public record Setup(String model, String instructions, String voice, String languageCode,
			List<ToolSpecification> tools, ObjectNode realtimeInputConfig, boolean resumption, String handle,
			boolean compression) {

		public Setup withHandle(String handle) {
			return new Setup(this.model, this.instructions, this.voice, this.languageCode, this.tools,
					this.realtimeInputConfig, this.resumption, handle, this.compression);
		}

	}

}
