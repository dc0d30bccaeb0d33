--	voice-ai: finds the secretary a call is for in v_voice_secretaries, always within the call's domain, with the same
--	defaults the Java services apply (FusionPBX-created tables have no column defaults).

local secretary = {}

local COLUMNS = [[
	voice_secretary_uuid, domain_uuid, secretary_name, extension, processing_mode, language, greeting_message,
	farewell_message, fallback_message, transfer_message, max_turns, max_duration_seconds, silence_timeout_ms,
	max_recording_seconds, transfer_extension, fallback_action, presence_check_enabled::text AS presence_check]]

local ENABLED = "coalesce(lower(enabled::text), 'true') IN ('true', 't')"

local function number(value, default)
	local n = tonumber(value)
	if n == nil or n <= 0 then
		return default
	end
	return math.floor(n)
end

local function text(value)
	if value == nil or value == "" then
		return nil
	end
	return value
end

local function from_row(row)
	local presence = tostring(row.presence_check or "true"):lower()
	return {
		uuid = row.voice_secretary_uuid,
		domain_uuid = row.domain_uuid,
		name = row.secretary_name,
		extension = text(row.extension),
		mode = text(row.processing_mode) or "turn_based",
		language = text(row.language) or "pt-BR",
		greeting = text(row.greeting_message),
		farewell = text(row.farewell_message),
		fallback_message = text(row.fallback_message),
		transfer_message = text(row.transfer_message),
		max_turns = number(row.max_turns, 20),
		max_duration_seconds = number(row.max_duration_seconds, 600),
		silence_timeout_ms = number(row.silence_timeout_ms, 3000),
		max_recording_seconds = number(row.max_recording_seconds, 30),
		operator = text(row.transfer_extension),
		fallback_action = (text(row.fallback_action) or "hangup"):lower(),
		presence_check = presence == "true" or presence == "t",
	}
end

--	The enabled secretary of domain_uuid named by secretary_uuid, else the one answering extension; nil when none.
function secretary.find(db, domain_uuid, secretary_uuid, extension)
	local found
	local function keep(row)
		if found == nil then
			found = from_row(row)
		end
	end
	if secretary_uuid ~= nil and secretary_uuid ~= "" then
		if not secretary_uuid:match("^%x%x%x%x%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%-%x%x%x%x%x%x%x%x%x%x%x%x$") then
			return nil, "voice_secretary_uuid is not a UUID: " .. secretary_uuid
		end
		db:query("SELECT " .. COLUMNS .. " FROM v_voice_secretaries WHERE domain_uuid = :domain_uuid "
			.. "AND voice_secretary_uuid = :secretary_uuid AND " .. ENABLED,
			{ domain_uuid = domain_uuid, secretary_uuid = secretary_uuid }, keep)
	elseif extension ~= nil and extension ~= "" then
		db:query("SELECT " .. COLUMNS .. " FROM v_voice_secretaries WHERE domain_uuid = :domain_uuid "
			.. "AND extension = :extension AND " .. ENABLED .. " ORDER BY insert_date NULLS LAST LIMIT 1",
			{ domain_uuid = domain_uuid, extension = extension }, keep)
	else
		return nil, "the dialplan set neither voice_secretary_uuid nor voice_secretary_extension"
	end
	if found == nil then
		return nil, "no enabled secretary " .. (secretary_uuid or ("at extension " .. tostring(extension)))
			.. " in domain " .. tostring(domain_uuid)
	end
	return found
end

--	The domain_uuid of a domain name, for calls whose dialplan did not set domain_uuid.
function secretary.domain_uuid(db, domain_name)
	local uuid
	db:query("SELECT domain_uuid FROM v_domains WHERE domain_name = :domain_name",
		{ domain_name = domain_name }, function(row) uuid = uuid or row.domain_uuid end)
	return uuid
end

return secretary
