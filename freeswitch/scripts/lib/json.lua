--	voice-ai: JSON for the scripts. Debian's lua-cjson when it loads (it does in FreeSWITCH's Lua 5.2), else the
--	encoder FreeSWITCH 1.10 bundles (freeswitch.JSON). JSON null becomes nil, so callers test plain Lua values.

local json = {}

local ok, cjson = pcall(require, "cjson")
local null = ok and cjson.null or nil

local function strip_nulls(value)
	if type(value) ~= "table" then
		if null ~= nil and value == null then
			return nil
		end
		return value
	end
	local copy = {}
	for key, item in pairs(value) do
		copy[key] = strip_nulls(item)
	end
	return copy
end

if ok then
	cjson.encode_sparse_array(true)
	function json.encode(value) return cjson.encode(value) end
	function json.decode(text) return strip_nulls(cjson.decode(text)) end
else
	local fs_json = freeswitch.JSON()
	function json.encode(value) return fs_json:encode(value) end
	function json.decode(text) return strip_nulls(fs_json:decode(text)) end
end

--	Decodes text, or returns nil and the reason when it is not JSON.
function json.try_decode(text)
	if type(text) ~= "string" or text == "" then
		return nil, "empty"
	end
	local decoded_ok, value = pcall(json.decode, text)
	if not decoded_ok then
		return nil, tostring(value)
	end
	return value
end

return json
