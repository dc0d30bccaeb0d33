--	voice-ai: settings of the FreeSWITCH side, read from FusionPBX's default settings (Advanced > Default Settings,
--	category voice_secretary; a domain setting of the same name wins) exactly as FusionPBX's own Lua apps read theirs:
--	resources.functions.lazy_settings on the FusionPBX database connection. Nothing secret lives in a script.
--
--	subcategory            type     default                      meaning
--	service_url            text     http://127.0.0.1:8100        voice-ai-service base URL
--	service_token          text     (none)                       bearer token of the service (VOICE_AI_SERVICE_TOKEN)
--	realtime_url           text     ws://127.0.0.1:8080          voice-ai-realtime WebSocket base URL
--	realtime_return_mode   text     file                         raw | json | file (which mod_audio_stream build)
--	realtime_sample_rate   numeric  8000                         8000 | 16000 (uuid_audio_stream start rate)
--	audio_dir              text     /var/lib/voice-ai/audio      directory shared with the service (VOICE_AI_AUDIO_DIR)
--	http_timeout           numeric  15                           seconds mod_curl waits for one service answer
--	silence_threshold      numeric  200                          energy under which the caller counts as silent
--	fallback_sound         text     ivr/ivr-one_moment_please.wav played when the service cannot be reached

local Settings = require "resources.functions.lazy_settings"

local config = {}

local defaults = {
	service_url = "http://127.0.0.1:8100",
	realtime_url = "ws://127.0.0.1:8080",
	realtime_return_mode = "file",
	realtime_sample_rate = "8000",
	audio_dir = "/var/lib/voice-ai/audio",
	http_timeout = "15",
	silence_threshold = "200",
	fallback_sound = "ivr/ivr-one_moment_please.wav",
}

local numeric = { realtime_sample_rate = true, http_timeout = true, silence_threshold = true }

--	The settings for one domain. db: a FusionPBX resources.functions.database connection.
function config.load(db, domain_name, domain_uuid)
	local settings = Settings.new(db, domain_name, domain_uuid)
	local values = {}
	local function read(subcategory)
		local value = settings:get("voice_secretary", subcategory, numeric[subcategory] and "numeric" or "text")
		if value == nil or tostring(value) == "" then
			-- a text setting typed as numeric in the UI (or the other way round) is still found
			value = settings:get("voice_secretary", subcategory, numeric[subcategory] and "text" or "numeric")
		end
		if value == nil or tostring(value) == "" then
			return defaults[subcategory]
		end
		return tostring(value)
	end
	for _, subcategory in ipairs({ "service_url", "service_token", "realtime_url", "realtime_return_mode",
			"realtime_sample_rate", "audio_dir", "http_timeout", "silence_threshold", "fallback_sound" }) do
		values[subcategory] = read(subcategory)
	end
	values.realtime_return_mode = (values.realtime_return_mode or "file"):lower()
	if values.realtime_return_mode ~= "raw" and values.realtime_return_mode ~= "json" then
		values.realtime_return_mode = "file"
	end
	values.realtime_sample_rate = (tonumber(values.realtime_sample_rate) == 16000) and 16000 or 8000
	values.http_timeout = tonumber(values.http_timeout) or 15
	values.silence_threshold = tonumber(values.silence_threshold) or 200
	values.audio_dir = values.audio_dir:gsub("/+$", "")
	return values
end

return config
