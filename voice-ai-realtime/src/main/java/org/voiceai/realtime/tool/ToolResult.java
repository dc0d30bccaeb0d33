package org.voiceai.realtime.tool;

/**
 * What a tool answers: the JSON the model reads, and what the call does once the model's spoken answer to it has
 * played.
 *
 * @param outputJson the function output sent to the provider
 * @param followUp what happens to the call afterwards
 */
public record ToolResult(String outputJson, FollowUp followUp) {

	public static ToolResult answer(String outputJson) {
		return new ToolResult(outputJson, new FollowUp.None());
	}

	/** What the call does after the model's answer to a tool result has been heard. */
	public sealed interface FollowUp {

		/** Nothing: the conversation goes on. */
		record None() implements FollowUp {
		}

		/** Blind transfer once the announcement has played. */
		record Transfer(String number, String context, String destinationName) implements FollowUp {
		}

		/** Hang up once the farewell has played. */
		record HangUp(String reason) implements FollowUp {
		}

		/** A message for a person, stored with the call and sent in the call-end webhook. */
		record MessageTaken(String text) implements FollowUp {
		}

	}

}
