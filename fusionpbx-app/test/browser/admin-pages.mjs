// Drives the voice_secretary admin pages in headless Chromium (Debian's /usr/bin/chromium, no browser download).
// Run by AdminPagesTest, which starts the voice-ai service, PostgreSQL and `php -S` on a FusionPBX-like web root
// (the pages + the core test double in ../core). Inputs come from environment variables; the outcome of every
// check is written as JSON to RESULT_FILE, and the Java test asserts on it and on the database.
import { chromium } from 'playwright-core';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const env = (name) => {
	const value = process.env[name];
	if (!value) throw new Error(`missing environment variable ${name}`);
	return value;
};
const base = env('BASE_URL');
const app = `${base}/app/voice_secretary`;
const shots = env('SCREENSHOT_DIR');
const xss = env('XSS_NAME');
const apiKey = env('PROVIDER_API_KEY');
mkdirSync(shots, { recursive: true });

const result = { checks: {}, ids: {}, errors: [] };
const check = (name, value) => { result.checks[name] = value; };

async function login(browser, domain, language = 'en-us') {
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const page = await context.newPage();
	page.on('pageerror', (error) => result.errors.push(`${domain}: ${error.message}`));
	page.on('dialog', (dialog) => dialog.accept());
	await page.goto(`${base}/login.php`);
	await page.fill('input[name=username]', 'admin');
	await page.fill('input[name=domain_name]', domain);
	await page.fill('input[name=language]', language);
	await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
	await page.evaluate(() => { window.__xss = undefined; });
	return page;
}

const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
const xssFired = (page) => page.evaluate(() => window.__xss !== undefined);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
	const a = await login(browser, env('DOMAIN_A'));

	// A provider: fields per type and name, write-only secret, test connection through the service.
	await a.goto(`${app}/provider_edit.php`);
	await Promise.all([a.waitForNavigation(), a.selectOption('#provider_type', 'tts')]);
	check('providerFieldsFollowTheType', await a.locator("select[name='config[voice]']").count() === 1);
	await Promise.all([a.waitForNavigation(), a.selectOption('#provider_type', 'stt')]);
	await Promise.all([a.waitForNavigation(), a.selectOption('#provider_name', 'whisper_api')]);
	await a.fill('#display_name', `Whisper ${xss}`);
	await a.fill("input[name='config[api_key]']", apiKey);
	await a.selectOption("select[name='config[model]']", 'whisper-1');
	await a.fill("input[name='config[language]']", 'pt');
	await a.selectOption('#is_default', 'true');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	result.ids.provider = new URL(a.url()).searchParams.get('id');
	check('providerSecretShownAsSet', await a.locator('#secret_set_api_key').count() === 1);
	check('providerSecretNeverPrinted', !(await a.content()).includes(apiKey));
	await Promise.all([a.waitForNavigation(), a.click('#btn_test')]);
	check('providerTestConnection', await a.locator('#test_result.message-positive').count() === 1);
	check('providerTestMessage', (await a.locator('#test_result').textContent()).trim());
	await shot(a, 'provider-edit');
	await a.goto(`${app}/providers.php`);
	check('providerListEscapes', !(await xssFired(a)) && (await a.locator('#providers').textContent()).includes(xss));
	await shot(a, 'providers');

	// A secretary: grouped form, advanced section collapsed until one of its fields is wrong.
	await a.goto(`${app}/secretary_edit.php`);
	check('secretaryAdvancedCollapsed', await a.evaluate(() => !document.getElementById('advanced').open));
	await shot(a, 'secretary-edit');
	await a.fill('#secretary_name', xss);
	await a.fill('#company_name', 'Clínica Sorriso');
	await a.fill('#extension', '8000');
	await a.selectOption('#processing_mode', 'auto');
	await a.selectOption('#stt_provider_uuid', result.ids.provider);
	await a.fill('#greeting_message', 'Olá! Clínica Sorriso, como posso ajudar?');
	await a.evaluate(() => { document.getElementById('advanced').open = true; });
	await a.fill('#max_turns', '500');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	check('secretaryRangeErrorShown', (await a.locator('#advanced .error').textContent()).includes('200'));
	check('secretaryAdvancedOpensOnError', await a.evaluate(() => document.getElementById('advanced').open));
	await a.fill('#max_turns', '15');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	check('secretarySavedToList', a.url().endsWith('/secretaries.php'));
	check('secretaryListEscapes', !(await xssFired(a)) && (await a.locator('#secretaries').textContent()).includes(xss));
	result.ids.secretary = new URL(await a.locator('#secretaries tr.list-row a').first().getAttribute('href'), app + '/').searchParams.get('id');
	await shot(a, 'secretaries');
	await a.goto(`${app}/secretary_edit.php?id=${result.ids.secretary}`);
	check('secretaryEditEscapes', !(await xssFired(a)) && (await a.inputValue('#secretary_name')) === xss);

	// Deleting from the list (checkbox, confirm).
	await a.goto(`${app}/secretary_edit.php`);
	await a.fill('#secretary_name', 'Temporária');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	await a.locator('#secretaries tr.list-row', { hasText: 'Temporária' }).locator('input[type=checkbox]').check();
	await Promise.all([a.waitForNavigation(), a.click('#btn_delete')]);
	check('secretaryDeletedFromList', !(await a.locator('#secretaries').textContent()).includes('Temporária')
		&& (await a.locator('#secretaries').textContent()).includes(xss));

	// Realtime: refused without a realtime provider, explained (mod_audio_stream), then saved with one.
	await a.goto(`${app}/secretary_edit.php`);
	check('realtimeNoteNamesModAudioStream', (await a.locator('#realtime_note').textContent()).includes('mod_audio_stream')
		&& (await a.locator('#realtime_note').textContent()).includes('docs/freeswitch.md'));
	check('realtimeAddProviderLinkShown', await a.locator('#add_realtime_provider').count() === 1);
	await a.fill('#secretary_name', 'Tempo Real');
	await a.selectOption('#processing_mode', 'realtime');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	check('realtimeWithoutProviderRefused', a.url().endsWith('/secretary_edit.php')
		&& await a.locator('.error', { hasText: 'needs an enabled realtime provider' }).count() === 1);
	await Promise.all([a.waitForNavigation(), a.click('#add_realtime_provider')]);
	check('realtimeProviderNames', await a.locator('#provider_name option').evaluateAll((options) => options.map((o) => o.value).join(',')));
	check('realtimeProviderChoicesAreSelects', await a.locator("select[name='config[turn_detection]'], select[name='config[vad_eagerness]'], "
		+ "select[name='config[audio_format]'], select[name='config[voice]'], select[name='config[noise_reduction]']").count() === 5);
	check('realtimeProviderHasNoTestButton', await a.locator('#btn_test').count() === 0);
	await a.fill('#display_name', 'OpenAI Realtime');
	await a.fill("input[name='config[api_key]']", apiKey);
	await a.selectOption("select[name='config[voice]']", 'cedar');
	await a.selectOption("select[name='config[turn_detection]']", 'semantic_vad');
	await a.selectOption("select[name='config[vad_eagerness]']", 'high');
	await a.selectOption("select[name='config[audio_format]']", 'pcmu');
	await a.fill("input[name='config[max_session_minutes]']", '60');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	check('realtimeSessionCapEnforced', (await a.locator('#config_fields .error').textContent()).includes('59'));
	await a.fill("input[name='config[api_key]']", apiKey);
	await a.fill("input[name='config[max_session_minutes]']", '50');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	result.ids.realtimeProvider = new URL(a.url()).searchParams.get('id');
	check('realtimeProviderSecretNeverPrinted', !(await a.content()).includes(apiKey));
	await shot(a, 'provider-edit-realtime');
	await a.goto(`${app}/secretary_edit.php`);
	check('realtimeAddProviderLinkGone', await a.locator('#add_realtime_provider').count() === 0);
	await a.fill('#secretary_name', 'Tempo Real');
	await a.selectOption('#processing_mode', 'realtime');
	await a.selectOption('#realtime_provider_uuid', result.ids.realtimeProvider);
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	check('realtimeSecretarySaved', a.url().endsWith('/secretaries.php'));
	result.ids.realtimeSecretary = new URL(await a.locator('#secretaries tr.list-row', { hasText: 'Tempo Real' }).locator('a').first().getAttribute('href'), app + '/').searchParams.get('id');

	// A transfer destination with working hours.
	await a.goto(`${app}/transfer_destination_edit.php`);
	await a.fill('#name', 'Financeiro');
	await a.fill('#aliases', 'contas a pagar, boletos');
	await a.selectOption('#destination_type', 'ring_group');
	await a.fill('#destination_number', '6000');
	await a.fill('#department', 'Financeiro');
	for (const day of ['mon', 'tue', 'wed', 'thu', 'fri']) {
		await a.check(`input[name='working_days[]'][value=${day}]`);
	}
	await a.fill('#working_start', '08:00');
	await a.fill('#working_end', '18:00');
	await a.selectOption('#working_timezone', 'America/Sao_Paulo');
	await a.selectOption('#is_default', 'true');
	await shot(a, 'transfer-destination-edit');
	await Promise.all([a.waitForNavigation(), a.click('#btn_save')]);
	check('destinationSavedToList', (await a.locator('#transfer_destinations').textContent()).includes('contas a pagar, boletos'));
	result.ids.destination = new URL(await a.locator('#transfer_destinations tr.list-row a').first().getAttribute('href'), app + '/').searchParams.get('id');
	await shot(a, 'transfer-destinations');

	// Knowledge base: upload through the page, watch the row reach ready without reloading.
	await a.goto(`${app}/documents.php`);
	await a.setInputFiles('#document_file', env('DOCUMENT_FILE'));
	await a.fill('#title', 'Horários <b>e</b> preços');
	await Promise.all([a.waitForNavigation(), a.click('#btn_upload')]);
	const row = a.locator('tr[data-document]').first();
	result.ids.document = await row.getAttribute('data-document');
	check('documentStatusAfterUpload', await row.locator('td.document-status').getAttribute('data-status'));
	await a.waitForSelector(`tr[data-document='${result.ids.document}'] td.document-status[data-status=ready]`, { timeout: 120000 });
	check('documentReadyLive', true);
	check('documentProgress', (await row.locator('td.document-progress span').textContent()).trim());
	check('documentNameEscaped', (await row.locator('td.document-name').textContent()).includes('<b>e</b>'));
	await shot(a, 'documents');

	// Conversations: filters, then the detail with transcript, latencies, transfer target and sources.
	await a.goto(`${app}/conversations.php`);
	check('conversationsListed', await a.locator('#conversations tr.list-row').count());
	await shot(a, 'conversations');
	await a.selectOption('#final_action', 'hangup');
	await Promise.all([a.waitForNavigation(), a.click('#btn_filter')]);
	check('conversationsFilteredByOutcome', await a.locator('#conversations tr.list-row').count());
	await a.goto(`${app}/conversations.php?final_action=transfer`);
	await Promise.all([a.waitForNavigation(), a.locator('#conversations tr.list-row a').first().click()]);
	check('conversationTransferTarget', (await a.locator('#summary_transfer_target').textContent()).trim());
	check('conversationTranscript', (await a.locator('#transcript').textContent()).replace(/\s+/g, ' '));
	check('conversationEscapes', !(await xssFired(a)) && (await a.locator('#summary_caller').textContent()).includes('<script>'));
	await shot(a, 'conversation');

	// CSRF: a post without a valid token changes nothing.
	const forged = await a.request.post(`${app}/secretary_edit.php`, {
		form: { secretary_name: 'Forged by CSRF', processing_mode: 'turn_based', language: 'pt-BR', key_0: 'not-a-token' },
	});
	check('csrfRefused', (await forged.text()).includes('Invalid token'));

	// Domain B: cannot see or change domain A's rows by putting A's ids in the URL or the form.
	const b = await login(browser, env('DOMAIN_B'), 'pt-br');
	const html = async (url) => { await b.goto(url); return await b.content(); };
	check('otherDomainSecretaryHidden', !(await html(`${app}/secretary_edit.php?id=${result.ids.secretary}`)).includes('Clínica Sorriso') && b.url().endsWith('/secretaries.php'));
	check('otherDomainProviderHidden', !(await html(`${app}/provider_edit.php?id=${result.ids.provider}`)).includes('Whisper') && b.url().endsWith('/providers.php'));
	check('otherDomainDestinationHidden', !(await html(`${app}/transfer_destination_edit.php?id=${result.ids.destination}`)).includes('boletos') && b.url().endsWith('/transfer_destinations.php'));
	check('otherDomainConversationHidden', !(await html(`${app}/conversation_view.php?id=${env('CONVERSATION_A')}`)).includes('Maria') && b.url().endsWith('/conversations.php'));
	check('otherDomainListsEmpty', (await html(`${app}/secretaries.php`)).includes('Secretárias Virtuais') && await b.locator('#secretaries tr.list-row').count() === 0
		&& (await html(`${app}/documents.php`)) && await b.locator('tr[data-document]').count() === 0);
	await b.goto(`${app}/secretary_edit.php`);
	await b.fill('#secretary_name', 'Hijacked by domain B');
	await b.evaluate((uuid) => {
		const input = document.createElement('input');
		input.type = 'hidden'; input.name = 'voice_secretary_uuid'; input.value = uuid;
		document.getElementById('frm').appendChild(input);
	}, result.ids.secretary);
	await Promise.all([b.waitForNavigation(), b.click('#btn_save')]);
	check('otherDomainEditRefused', (await b.content()).includes('Não encontrado'));
	await b.goto(`${app}/documents.php`);
	await Promise.all([b.waitForNavigation(), b.evaluate((uuid) => {
		const form = document.createElement('form');
		form.method = 'post';
		form.innerHTML = "<input name='action' value='delete'><input name='document_uuid' value='" + uuid + "'>";
		const token = document.querySelector("#form_upload input[type=hidden][name^='key_']");
		form.appendChild(token.cloneNode());
		document.body.appendChild(form);
		form.submit();
	}, result.ids.document)]);
	check('otherDomainDocumentDeleteRefused', (await b.content()).includes('Não encontrado'));
	await shot(b, 'other-domain-documents');
}
catch (error) {
	result.errors.push(String(error && error.stack || error));
}
finally {
	await browser.close();
	writeFileSync(env('RESULT_FILE'), JSON.stringify(result, null, 2));
}
