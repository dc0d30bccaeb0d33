--	voice-ai: what the secretary says when its own configuration has no text for the moment, by language.
--	The admin's messages (greeting, farewell, fallback) always win over these.

local phrases = {
	pt = {
		greeting = "Olá! Em que posso ajudar?",
		reprompt = "Desculpe, não ouvi. Pode repetir, por favor?",
		goodbye = "Como não ouvi resposta, vou encerrar a ligação. Obrigada pela ligação, até logo!",
		farewell = "Obrigada pela ligação, até logo!",
		unavailable = "No momento ninguém pôde atender.",
		anything_else = "Posso ajudar em mais alguma coisa?",
	},
	en = {
		greeting = "Hello! How can I help you?",
		reprompt = "Sorry, I did not hear you. Could you say that again?",
		goodbye = "As I cannot hear you, I will end the call now. Thank you for calling, goodbye!",
		farewell = "Thank you for calling, goodbye!",
		unavailable = "Nobody is available to take your call right now.",
		anything_else = "Is there anything else I can help you with?",
	},
	es = {
		greeting = "¡Hola! ¿En qué puedo ayudarle?",
		reprompt = "Disculpe, no le escuché. ¿Puede repetir, por favor?",
		goodbye = "Como no escucho respuesta, voy a terminar la llamada. ¡Gracias por llamar, hasta luego!",
		farewell = "¡Gracias por llamar, hasta luego!",
		unavailable = "En este momento nadie puede atender.",
		anything_else = "¿Puedo ayudarle en algo más?",
	},
}

--	The phrase named key in language (a BCP-47 tag such as pt-BR); Portuguese when the language is not known.
return function(language, key)
	local base = tostring(language or "pt"):lower():match("^(%a%a)") or "pt"
	return (phrases[base] or phrases.pt)[key]
end
