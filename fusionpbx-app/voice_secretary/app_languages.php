<?php
/*
	Voice Secretary: texts of the pages in en-us and pt-br ($text[key][language]).
	Loaded by FusionPBX's text class ($language = new text; $text = $language->get();).
*/

	$text['title-secretaries']['en-us'] = "AI Secretaries";
	$text['title-secretaries']['pt-br'] = "Secretárias Virtuais";

	$text['title-secretary']['en-us'] = "AI Secretary";
	$text['title-secretary']['pt-br'] = "Secretária Virtual";

	$text['title-providers']['en-us'] = "AI Providers";
	$text['title-providers']['pt-br'] = "Provedores de IA";

	$text['title-provider']['en-us'] = "AI Provider";
	$text['title-provider']['pt-br'] = "Provedor de IA";

	$text['title-transfer_destinations']['en-us'] = "Transfer Destinations";
	$text['title-transfer_destinations']['pt-br'] = "Destinos de Transferência";

	$text['title-transfer_destination']['en-us'] = "Transfer Destination";
	$text['title-transfer_destination']['pt-br'] = "Destino de Transferência";

	$text['title-documents']['en-us'] = "Knowledge Base";
	$text['title-documents']['pt-br'] = "Base de Conhecimento";

	$text['title-conversations']['en-us'] = "Conversations";
	$text['title-conversations']['pt-br'] = "Conversas";

	$text['title-conversation']['en-us'] = "Conversation";
	$text['title-conversation']['pt-br'] = "Conversa";

	$text['description-secretaries']['en-us'] = "AI secretaries answer calls, talk with the caller, transfer them or take a message.";
	$text['description-secretaries']['pt-br'] = "As secretárias virtuais atendem chamadas, conversam com o chamador, transferem ou anotam recados.";

	$text['description-providers']['en-us'] = "Speech-to-text, text-to-speech, chat model, embeddings and realtime providers of this domain. The default of each type is used first, then the others by priority.";
	$text['description-providers']['pt-br'] = "Provedores de voz para texto, texto para voz, modelo de chat, embeddings e tempo real deste domínio. O padrão de cada tipo é usado primeiro, depois os demais por prioridade.";

	$text['description-transfer_destinations']['en-us'] = "Where the secretary may transfer callers: the caller asks for a name, an alias or a department.";
	$text['description-transfer_destinations']['pt-br'] = "Para onde a secretária pode transferir chamadores: o chamador pede um nome, um apelido ou um departamento.";

	$text['description-documents']['en-us'] = "Documents the secretary answers questions from. Upload PDF, DOCX, TXT or Markdown; each is read, split and indexed in the background.";
	$text['description-documents']['pt-br'] = "Documentos a partir dos quais a secretária responde perguntas. Envie PDF, DOCX, TXT ou Markdown; cada um é lido, dividido e indexado em segundo plano.";

	$text['description-conversations']['en-us'] = "Calls the secretary answered, newest first.";
	$text['description-conversations']['pt-br'] = "Chamadas atendidas pela secretária, das mais recentes às mais antigas.";

	$text['button-add']['en-us'] = "Add";
	$text['button-add']['pt-br'] = "Adicionar";

	$text['button-back']['en-us'] = "Back";
	$text['button-back']['pt-br'] = "Voltar";

	$text['button-delete']['en-us'] = "Delete";
	$text['button-delete']['pt-br'] = "Excluir";

	$text['button-delete_checked']['en-us'] = "Delete checked";
	$text['button-delete_checked']['pt-br'] = "Excluir marcados";

	$text['button-filter']['en-us'] = "Filter";
	$text['button-filter']['pt-br'] = "Filtrar";

	$text['button-next']['en-us'] = "Next";
	$text['button-next']['pt-br'] = "Próxima";

	$text['button-previous']['en-us'] = "Previous";
	$text['button-previous']['pt-br'] = "Anterior";

	$text['button-reprocess']['en-us'] = "Reprocess";
	$text['button-reprocess']['pt-br'] = "Reprocessar";

	$text['button-save']['en-us'] = "Save";
	$text['button-save']['pt-br'] = "Salvar";

	$text['button-search']['en-us'] = "Search";
	$text['button-search']['pt-br'] = "Pesquisar";

	$text['button-test_connection']['en-us'] = "Test connection";
	$text['button-test_connection']['pt-br'] = "Testar conexão";

	$text['description-test_connection']['en-us'] = "Asks the voice-ai service to build this provider from its saved settings (required keys, values, secret decryption). It does not call the vendor.";
	$text['description-test_connection']['pt-br'] = "Pede ao serviço voice-ai que monte este provedor a partir das configurações salvas (chaves obrigatórias, valores, descriptografia dos segredos). Não chama o fornecedor.";

	$text['button-upload']['en-us'] = "Upload";
	$text['button-upload']['pt-br'] = "Enviar";

	$text['confirm-delete']['en-us'] = "Do you really want to delete this?";
	$text['confirm-delete']['pt-br'] = "Deseja realmente excluir?";

	$text['message-add']['en-us'] = "Added.";
	$text['message-add']['pt-br'] = "Adicionado.";

	$text['message-update']['en-us'] = "Updated.";
	$text['message-update']['pt-br'] = "Atualizado.";

	$text['message-delete']['en-us'] = "Deleted.";
	$text['message-delete']['pt-br'] = "Excluído.";

	$text['message-invalid_token']['en-us'] = "Invalid token: the form expired or was not sent from this page. Please try again.";
	$text['message-invalid_token']['pt-br'] = "Token inválido: o formulário expirou ou não foi enviado por esta página. Tente novamente.";

	$text['message-not_found']['en-us'] = "Not found.";
	$text['message-not_found']['pt-br'] = "Não encontrado.";

	$text['message-check_fields']['en-us'] = "Please correct the fields marked below.";
	$text['message-check_fields']['pt-br'] = "Corrija os campos indicados abaixo.";

	$text['message-save_failed']['en-us'] = "The database refused the change.";
	$text['message-save_failed']['pt-br'] = "O banco de dados recusou a alteração.";

	$text['message-no_secret_key']['en-us'] = "The secret key file (Default Settings > voice_secretary > secret_key_file) is missing or invalid, so secrets cannot be stored encrypted.";
	$text['message-no_secret_key']['pt-br'] = "O arquivo da chave secreta (Configurações Padrão > voice_secretary > secret_key_file) está ausente ou inválido; os segredos não podem ser armazenados criptografados.";

	$text['message-test_ok']['en-us'] = "The service can use this provider: its configuration is complete and its secrets decrypt.";
	$text['message-test_ok']['pt-br'] = "O serviço pode usar este provedor: a configuração está completa e os segredos são descriptografados.";

	$text['message-test_other_row']['en-us'] = "The service cannot use this row and would use \"%s\" instead. Check the required fields and the secret key.";
	$text['message-test_other_row']['pt-br'] = "O serviço não consegue usar este registro e usaria \"%s\" no lugar. Verifique os campos obrigatórios e a chave secreta.";

	$text['message-test_disabled']['en-us'] = "This provider is disabled: the service does not use it. Enable it and save, then test.";
	$text['message-test_disabled']['pt-br'] = "Este provedor está desabilitado: o serviço não o usa. Habilite-o e salve, depois teste.";

	$text['message-test_failed']['en-us'] = "The service cannot use this provider:";
	$text['message-test_failed']['pt-br'] = "O serviço não consegue usar este provedor:";

	$text['message-choose_file']['en-us'] = "Choose a file to upload.";
	$text['message-choose_file']['pt-br'] = "Escolha um arquivo para enviar.";

	$text['message-file_too_large']['en-us'] = "The file is larger than PHP accepts (upload_max_filesize / post_max_size).";
	$text['message-file_too_large']['pt-br'] = "O arquivo é maior do que o PHP aceita (upload_max_filesize / post_max_size).";

	$text['message-upload_failed']['en-us'] = "Upload failed.";
	$text['message-upload_failed']['pt-br'] = "Falha no envio.";

	$text['message-uploaded']['en-us'] = "Uploaded: the document is being processed.";
	$text['message-uploaded']['pt-br'] = "Enviado: o documento está sendo processado.";

	$text['message-already_known']['en-us'] = "This content is already in the knowledge base.";
	$text['message-already_known']['pt-br'] = "Este conteúdo já está na base de conhecimento.";

	$text['message-reprocessing']['en-us'] = "The document is being processed again.";
	$text['message-reprocessing']['pt-br'] = "O documento está sendo processado novamente.";

	$text['message-service_unavailable']['en-us'] = "The voice-ai service did not answer:";
	$text['message-service_unavailable']['pt-br'] = "O serviço voice-ai não respondeu:";

	$text['message-required']['en-us'] = "%s is required.";
	$text['message-required']['pt-br'] = "%s é obrigatório.";

	$text['message-invalid_required']['en-us'] = "%s is required.";
	$text['message-invalid_required']['pt-br'] = "%s é obrigatório.";

	$text['message-invalid_integer']['en-us'] = "%s must be a whole number from %s to %s.";
	$text['message-invalid_integer']['pt-br'] = "%s deve ser um número inteiro de %s a %s.";

	$text['message-invalid_decimal']['en-us'] = "%s must be a number from %s to %s.";
	$text['message-invalid_decimal']['pt-br'] = "%s deve ser um número de %s a %s.";

	$text['message-invalid_choice']['en-us'] = "%s has a value that is not offered.";
	$text['message-invalid_choice']['pt-br'] = "%s tem um valor que não é oferecido.";

	$text['message-invalid_uuid']['en-us'] = "%s is not a valid id.";
	$text['message-invalid_uuid']['pt-br'] = "%s não é um identificador válido.";

	$text['message-invalid_url']['en-us'] = "%s must be an http:// or https:// address.";
	$text['message-invalid_url']['pt-br'] = "%s deve ser um endereço http:// ou https://.";

	$text['message-invalid_json']['en-us'] = "%s must be a JSON object.";
	$text['message-invalid_json']['pt-br'] = "%s deve ser um objeto JSON.";

	$text['message-invalid_time']['en-us'] = "%s must be a time as HH:MM.";
	$text['message-invalid_time']['pt-br'] = "%s deve ser um horário HH:MM.";

	$text['message-invalid_timezone']['en-us'] = "%s is not a known time zone.";
	$text['message-invalid_timezone']['pt-br'] = "%s não é um fuso horário conhecido.";

	$text['message-invalid_length']['en-us'] = "%s is longer than %s characters.";
	$text['message-invalid_length']['pt-br'] = "%s tem mais de %s caracteres.";

	$text['section-general']['en-us'] = "General";
	$text['section-general']['pt-br'] = "Geral";

	$text['section-conversation']['en-us'] = "Conversation";
	$text['section-conversation']['pt-br'] = "Conversa";

	$text['section-providers']['en-us'] = "Providers and voice";
	$text['section-providers']['pt-br'] = "Provedores e voz";

	$text['section-transfer']['en-us'] = "Transfers, hours and notifications";
	$text['section-transfer']['pt-br'] = "Transferências, horários e notificações";

	$text['section-advanced']['en-us'] = "Advanced";
	$text['section-advanced']['pt-br'] = "Avançado";

	$text['section-provider_config']['en-us'] = "Provider settings";
	$text['section-provider_config']['pt-br'] = "Configurações do provedor";

	$text['section-transcript']['en-us'] = "Transcript";
	$text['section-transcript']['pt-br'] = "Transcrição";

	$text['label-true']['en-us'] = "True";
	$text['label-true']['pt-br'] = "Sim";

	$text['label-false']['en-us'] = "False";
	$text['label-false']['pt-br'] = "Não";

	$text['label-enabled']['en-us'] = "Enabled";
	$text['label-enabled']['pt-br'] = "Habilitado";

	$text['label-description']['en-us'] = "Description";
	$text['label-description']['pt-br'] = "Descrição";

	$text['label-search']['en-us'] = "Search";
	$text['label-search']['pt-br'] = "Pesquisar";

	$text['label-secretary']['en-us'] = "Secretary";
	$text['label-secretary']['pt-br'] = "Secretária";

	$text['label-priority']['en-us'] = "Priority";
	$text['label-priority']['pt-br'] = "Prioridade";

	$text['label-is_default']['en-us'] = "Default";
	$text['label-is_default']['pt-br'] = "Padrão";

	$text['label-secretary_name']['en-us'] = "Name";
	$text['label-secretary_name']['pt-br'] = "Nome";

	$text['label-company_name']['en-us'] = "Company";
	$text['label-company_name']['pt-br'] = "Empresa";

	$text['label-extension']['en-us'] = "Extension";
	$text['label-extension']['pt-br'] = "Ramal";

	$text['label-processing_mode']['en-us'] = "Mode";
	$text['label-processing_mode']['pt-br'] = "Modo";

	$text['label-language']['en-us'] = "Language";
	$text['label-language']['pt-br'] = "Idioma";

	$text['label-personality_prompt']['en-us'] = "Personality and instructions";
	$text['label-personality_prompt']['pt-br'] = "Personalidade e instruções";

	$text['label-greeting_message']['en-us'] = "Greeting";
	$text['label-greeting_message']['pt-br'] = "Saudação";

	$text['label-farewell_message']['en-us'] = "Farewell";
	$text['label-farewell_message']['pt-br'] = "Despedida";

	$text['label-farewell_keywords']['en-us'] = "Farewell keywords";
	$text['label-farewell_keywords']['pt-br'] = "Palavras de despedida";

	$text['label-fallback_message']['en-us'] = "Fallback message";
	$text['label-fallback_message']['pt-br'] = "Mensagem de contingência";

	$text['label-transfer_message']['en-us'] = "Transfer message";
	$text['label-transfer_message']['pt-br'] = "Mensagem de transferência";

	$text['label-outside_hours_message']['en-us'] = "Outside business hours message";
	$text['label-outside_hours_message']['pt-br'] = "Mensagem fora do horário";

	$text['label-stt_provider_uuid']['en-us'] = "Speech-to-text provider";
	$text['label-stt_provider_uuid']['pt-br'] = "Provedor de voz para texto";

	$text['label-tts_provider_uuid']['en-us'] = "Text-to-speech provider";
	$text['label-tts_provider_uuid']['pt-br'] = "Provedor de texto para voz";

	$text['label-llm_provider_uuid']['en-us'] = "Chat model provider";
	$text['label-llm_provider_uuid']['pt-br'] = "Provedor do modelo de chat";

	$text['label-embeddings_provider_uuid']['en-us'] = "Embeddings provider";
	$text['label-embeddings_provider_uuid']['pt-br'] = "Provedor de embeddings";

	$text['label-realtime_provider_uuid']['en-us'] = "Realtime provider";
	$text['label-realtime_provider_uuid']['pt-br'] = "Provedor de tempo real";

	$text['label-tts_voice_id']['en-us'] = "Voice";
	$text['label-tts_voice_id']['pt-br'] = "Voz";

	$text['label-tts_speed']['en-us'] = "Speech speed";
	$text['label-tts_speed']['pt-br'] = "Velocidade da fala";

	$text['label-llm_model_override']['en-us'] = "Chat model (override)";
	$text['label-llm_model_override']['pt-br'] = "Modelo de chat (substituir)";

	$text['label-llm_temperature']['en-us'] = "Temperature";
	$text['label-llm_temperature']['pt-br'] = "Temperatura";

	$text['label-llm_max_tokens']['en-us'] = "Max tokens per answer";
	$text['label-llm_max_tokens']['pt-br'] = "Máximo de tokens por resposta";

	$text['label-max_turns']['en-us'] = "Max turns";
	$text['label-max_turns']['pt-br'] = "Máximo de turnos";

	$text['label-idle_timeout_seconds']['en-us'] = "Idle timeout (s)";
	$text['label-idle_timeout_seconds']['pt-br'] = "Tempo de inatividade (s)";

	$text['label-max_duration_seconds']['en-us'] = "Max call duration (s)";
	$text['label-max_duration_seconds']['pt-br'] = "Duração máxima da chamada (s)";

	$text['label-silence_timeout_ms']['en-us'] = "Silence to end a turn (ms)";
	$text['label-silence_timeout_ms']['pt-br'] = "Silêncio para encerrar o turno (ms)";

	$text['label-max_recording_seconds']['en-us'] = "Max recording per turn (s)";
	$text['label-max_recording_seconds']['pt-br'] = "Gravação máxima por turno (s)";

	$text['label-transfer_extension']['en-us'] = "Default transfer extension";
	$text['label-transfer_extension']['pt-br'] = "Ramal padrão de transferência";

	$text['label-fallback_action']['en-us'] = "Fallback action";
	$text['label-fallback_action']['pt-br'] = "Ação de contingência";

	$text['label-presence_check_enabled']['en-us'] = "Check presence before transfer";
	$text['label-presence_check_enabled']['pt-br'] = "Verificar presença antes de transferir";

	$text['label-time_condition_uuid']['en-us'] = "Time condition";
	$text['label-time_condition_uuid']['pt-br'] = "Condição de horário";

	$text['label-webhook_url']['en-us'] = "Webhook URL";
	$text['label-webhook_url']['pt-br'] = "URL do webhook";

	$text['label-business_info']['en-us'] = "Business information (JSON)";
	$text['label-business_info']['pt-br'] = "Informações da empresa (JSON)";

	$text['label-advanced_settings']['en-us'] = "Advanced settings (JSON)";
	$text['label-advanced_settings']['pt-br'] = "Configurações avançadas (JSON)";

	$text['description-personality_prompt']['en-us'] = "How the secretary behaves and what it should know; sent to the chat model with every call.";
	$text['description-personality_prompt']['pt-br'] = "Como a secretária se comporta e o que deve saber; enviado ao modelo de chat em toda chamada.";

	$text['description-farewell_keywords']['en-us'] = "Comma-separated words that end the call, e.g. tchau, obrigado.";
	$text['description-farewell_keywords']['pt-br'] = "Palavras separadas por vírgula que encerram a chamada, ex.: tchau, obrigado.";

	$text['description-processing_mode']['en-us'] = "Turn-based records and answers turn by turn; realtime streams the audio (mod_audio_stream); auto uses realtime when available.";
	$text['description-processing_mode']['pt-br'] = "Por turnos grava e responde turno a turno; tempo real transmite o áudio (mod_audio_stream); automático usa tempo real quando disponível.";

	$text['description-realtime_mode']['en-us'] = "Realtime streams the call to the voice-ai realtime bridge through FreeSWITCH's mod_audio_stream, which must be installed and loaded, with the default setting realtime_return_mode matching its edition (voice-ai docs/freeswitch.md, section 5). When the stream cannot start or the bridge refuses it, the call goes on turn-based.";
	$text['description-realtime_mode']['pt-br'] = "Tempo real transmite a chamada à ponte de tempo real do voice-ai pelo mod_audio_stream do FreeSWITCH, que precisa estar instalado e carregado, com a configuração padrão realtime_return_mode de acordo com a edição (voice-ai docs/freeswitch.md, seção 5). Quando o fluxo não inicia ou a ponte o recusa, a chamada segue por turnos.";

	$text['description-realtime_provider_uuid']['en-us'] = "Used in realtime and automatic mode. Empty: the domain default realtime provider.";
	$text['description-realtime_provider_uuid']['pt-br'] = "Usado nos modos tempo real e automático. Vazio: o provedor de tempo real padrão do domínio.";

	$text['message-realtime_without_provider']['en-us'] = "Realtime mode needs an enabled realtime provider in this domain: add one under Providers (type Realtime).";
	$text['message-realtime_without_provider']['pt-br'] = "O modo tempo real precisa de um provedor de tempo real ativo neste domínio: cadastre um em Provedores (tipo Tempo real).";

	$text['description-realtime_no_test']['en-us'] = "The realtime bridge (voice-ai-realtime) builds this provider when a call starts, so it has no test button here: place a test call; when the row cannot be used the bridge logs why (missing key, wrong value, refused key) and the call goes on turn-based.";
	$text['description-realtime_no_test']['pt-br'] = "A ponte de tempo real (voice-ai-realtime) monta este provedor quando uma chamada começa, por isso não há botão de teste aqui: faça uma chamada de teste; quando o registro não pode ser usado a ponte registra o motivo (chave ausente, valor errado, chave recusada) e a chamada segue por turnos.";

	$text['button-add_realtime_provider']['en-us'] = "Add a realtime provider";
	$text['button-add_realtime_provider']['pt-br'] = "Cadastrar um provedor de tempo real";

	$text['description-stt_provider_uuid']['en-us'] = "Empty: the domain default of this type.";
	$text['description-stt_provider_uuid']['pt-br'] = "Vazio: o padrão do domínio para este tipo.";

	$text['description-time_condition_uuid']['en-us'] = "UUID of a FusionPBX time condition; outside it the outside-hours message is played.";
	$text['description-time_condition_uuid']['pt-br'] = "UUID de uma condição de horário do FusionPBX; fora dela é tocada a mensagem fora do horário.";

	$text['description-webhook_url']['en-us'] = "Receives a signed POST when a call ends.";
	$text['description-webhook_url']['pt-br'] = "Recebe um POST assinado quando a chamada termina.";

	$text['description-business_info']['en-us'] = "e.g. {\"address\": \"...\", \"hours\": \"...\"}";
	$text['description-business_info']['pt-br'] = "ex.: {\"endereco\": \"...\", \"horario\": \"...\"}";

	$text['option-turn_based']['en-us'] = "Turn-based";
	$text['option-turn_based']['pt-br'] = "Por turnos";

	$text['option-realtime']['en-us'] = "Realtime";
	$text['option-realtime']['pt-br'] = "Tempo real";

	$text['option-auto']['en-us'] = "Automatic";
	$text['option-auto']['pt-br'] = "Automático";

	$text['option-hangup']['en-us'] = "Hang up";
	$text['option-hangup']['pt-br'] = "Desligar";

	$text['option-transfer']['en-us'] = "Transfer to the default extension";
	$text['option-transfer']['pt-br'] = "Transferir para o ramal padrão";

	$text['option-take_message']['en-us'] = "Take a message";
	$text['option-take_message']['pt-br'] = "Anotar recado";

	$text['option-return']['en-us'] = "Return to the secretary";
	$text['option-return']['pt-br'] = "Voltar para a secretária";

	$text['option-domain_default']['en-us'] = "Domain default";
	$text['option-domain_default']['pt-br'] = "Padrão do domínio";

	$text['option-service_default']['en-us'] = "Service default";
	$text['option-service_default']['pt-br'] = "Padrão do serviço";

	$text['option-all_secretaries']['en-us'] = "All secretaries";
	$text['option-all_secretaries']['pt-br'] = "Todas as secretárias";

	$text['option-all_outcomes']['en-us'] = "All outcomes";
	$text['option-all_outcomes']['pt-br'] = "Todos os desfechos";

	$text['option-all_types']['en-us'] = "All types";
	$text['option-all_types']['pt-br'] = "Todos os tipos";

	$text['option-type_stt']['en-us'] = "Speech-to-text";
	$text['option-type_stt']['pt-br'] = "Voz para texto";

	$text['option-type_tts']['en-us'] = "Text-to-speech";
	$text['option-type_tts']['pt-br'] = "Texto para voz";

	$text['option-type_llm']['en-us'] = "Chat model";
	$text['option-type_llm']['pt-br'] = "Modelo de chat";

	$text['option-type_embeddings']['en-us'] = "Embeddings";
	$text['option-type_embeddings']['pt-br'] = "Embeddings";

	$text['option-type_realtime']['en-us'] = "Realtime";
	$text['option-type_realtime']['pt-br'] = "Tempo real";

	$text['option-extension']['en-us'] = "Extension";
	$text['option-extension']['pt-br'] = "Ramal";

	$text['option-ring_group']['en-us'] = "Ring group";
	$text['option-ring_group']['pt-br'] = "Grupo de toque";

	$text['option-queue']['en-us'] = "Queue";
	$text['option-queue']['pt-br'] = "Fila";

	$text['option-voicemail']['en-us'] = "Voicemail";
	$text['option-voicemail']['pt-br'] = "Correio de voz";

	$text['option-external']['en-us'] = "External number";
	$text['option-external']['pt-br'] = "Número externo";

	$text['label-provider_type']['en-us'] = "Type";
	$text['label-provider_type']['pt-br'] = "Tipo";

	$text['label-provider_name']['en-us'] = "Provider";
	$text['label-provider_name']['pt-br'] = "Provedor";

	$text['label-display_name']['en-us'] = "Display name";
	$text['label-display_name']['pt-br'] = "Nome de exibição";

	$text['label-rate_limit_rpm']['en-us'] = "Rate limit (requests/min)";
	$text['label-rate_limit_rpm']['pt-br'] = "Limite (requisições/min)";

	$text['label-extra_config']['en-us'] = "Further settings (JSON)";
	$text['label-extra_config']['pt-br'] = "Outras configurações (JSON)";

	$text['label-secret_set']['en-us'] = "set";
	$text['label-secret_set']['pt-br'] = "definido";

	$text['label-secret_not_set']['en-us'] = "not set";
	$text['label-secret_not_set']['pt-br'] = "não definido";

	$text['label-secret_clear']['en-us'] = "remove";
	$text['label-secret_clear']['pt-br'] = "remover";

	$text['description-secret']['en-us'] = "Write-only: leave empty to keep the stored value. Stored encrypted.";
	$text['description-secret']['pt-br'] = "Somente escrita: deixe vazio para manter o valor salvo. Armazenado criptografado.";

	$text['description-priority']['en-us'] = "Lower is tried first after the default.";
	$text['description-priority']['pt-br'] = "Menor é tentado primeiro depois do padrão.";

	$text['description-rate_limit_rpm']['en-us'] = "Empty: no limit.";
	$text['description-rate_limit_rpm']['pt-br'] = "Vazio: sem limite.";

	$text['description-extra_config']['en-us'] = "Keys this form has no field for, as a JSON object. Secret keys are encrypted.";
	$text['description-extra_config']['pt-br'] = "Chaves sem campo neste formulário, como objeto JSON. Chaves secretas são criptografadas.";

	$text['description-is_default']['en-us'] = "Used first for its type in this domain.";
	$text['description-is_default']['pt-br'] = "Usado primeiro para o seu tipo neste domínio.";

	$text['description-no_config']['en-us'] = "This provider needs no settings.";
	$text['description-no_config']['pt-br'] = "Este provedor não precisa de configurações.";

	$text['label-name']['en-us'] = "Name";
	$text['label-name']['pt-br'] = "Nome";

	$text['label-aliases']['en-us'] = "Aliases";
	$text['label-aliases']['pt-br'] = "Apelidos";

	$text['label-destination_type']['en-us'] = "Type";
	$text['label-destination_type']['pt-br'] = "Tipo";

	$text['label-destination_number']['en-us'] = "Number";
	$text['label-destination_number']['pt-br'] = "Número";

	$text['label-destination_context']['en-us'] = "Context";
	$text['label-destination_context']['pt-br'] = "Contexto";

	$text['label-department']['en-us'] = "Department";
	$text['label-department']['pt-br'] = "Departamento";

	$text['label-role']['en-us'] = "Role";
	$text['label-role']['pt-br'] = "Cargo";

	$text['label-working_hours']['en-us'] = "Working hours";
	$text['label-working_hours']['pt-br'] = "Horário de atendimento";

	$text['label-ring_timeout_seconds']['en-us'] = "Ring timeout (s)";
	$text['label-ring_timeout_seconds']['pt-br'] = "Tempo de toque (s)";

	$text['label-max_retries']['en-us'] = "Retries";
	$text['label-max_retries']['pt-br'] = "Tentativas";

	$text['label-retry_delay_seconds']['en-us'] = "Delay between retries (s)";
	$text['label-retry_delay_seconds']['pt-br'] = "Intervalo entre tentativas (s)";

	$text['label-always']['en-us'] = "Always";
	$text['label-always']['pt-br'] = "Sempre";

	$text['label-day_mon']['en-us'] = "Mon";
	$text['label-day_mon']['pt-br'] = "Seg";

	$text['label-day_tue']['en-us'] = "Tue";
	$text['label-day_tue']['pt-br'] = "Ter";

	$text['label-day_wed']['en-us'] = "Wed";
	$text['label-day_wed']['pt-br'] = "Qua";

	$text['label-day_thu']['en-us'] = "Thu";
	$text['label-day_thu']['pt-br'] = "Qui";

	$text['label-day_fri']['en-us'] = "Fri";
	$text['label-day_fri']['pt-br'] = "Sex";

	$text['label-day_sat']['en-us'] = "Sat";
	$text['label-day_sat']['pt-br'] = "Sáb";

	$text['label-day_sun']['en-us'] = "Sun";
	$text['label-day_sun']['pt-br'] = "Dom";

	$text['description-name']['en-us'] = "What callers ask for, e.g. Financeiro or Dr. Silva.";
	$text['description-name']['pt-br'] = "O que o chamador pede, ex.: Financeiro ou Dr. Silva.";

	$text['description-aliases']['en-us'] = "Other names for it, separated by commas.";
	$text['description-aliases']['pt-br'] = "Outros nomes, separados por vírgula.";

	$text['description-destination_number']['en-us'] = "Extension, ring group, queue or voicemail number, or an external number.";
	$text['description-destination_number']['pt-br'] = "Número do ramal, grupo de toque, fila ou correio de voz, ou um número externo.";

	$text['description-destination_context']['en-us'] = "Empty: the domain context.";
	$text['description-destination_context']['pt-br'] = "Vazio: o contexto do domínio.";

	$text['description-working_hours']['en-us'] = "No day and no time: always available.";
	$text['description-working_hours']['pt-br'] = "Sem dias e sem horário: sempre disponível.";

	$text['description-destination_default']['en-us'] = "Used when the caller asks for someone not on the list.";
	$text['description-destination_default']['pt-br'] = "Usado quando o chamador pede alguém que não está na lista.";

	$text['label-document_file']['en-us'] = "File";
	$text['label-document_file']['pt-br'] = "Arquivo";

	$text['label-title']['en-us'] = "Title";
	$text['label-title']['pt-br'] = "Título";

	$text['label-document_name']['en-us'] = "Name";
	$text['label-document_name']['pt-br'] = "Nome";

	$text['label-document_type']['en-us'] = "Type";
	$text['label-document_type']['pt-br'] = "Tipo";

	$text['label-file_size']['en-us'] = "Size";
	$text['label-file_size']['pt-br'] = "Tamanho";

	$text['label-status']['en-us'] = "Status";
	$text['label-status']['pt-br'] = "Situação";

	$text['label-progress']['en-us'] = "Progress";
	$text['label-progress']['pt-br'] = "Progresso";

	$text['label-chunk_count']['en-us'] = "Chunks";
	$text['label-chunk_count']['pt-br'] = "Trechos";

	$text['label-insert_date']['en-us'] = "Uploaded";
	$text['label-insert_date']['pt-br'] = "Enviado em";

	$text['description-document_file']['en-us'] = "PDF, DOCX, TXT or Markdown, up to 20 MB.";
	$text['description-document_file']['pt-br'] = "PDF, DOCX, TXT ou Markdown, até 20 MB.";

	$text['description-title']['en-us'] = "Optional: the name shown instead of the file name.";
	$text['description-title']['pt-br'] = "Opcional: o nome exibido no lugar do nome do arquivo.";

	$text['status-pending']['en-us'] = "Pending";
	$text['status-pending']['pt-br'] = "Pendente";

	$text['status-processing']['en-us'] = "Processing";
	$text['status-processing']['pt-br'] = "Processando";

	$text['status-ready']['en-us'] = "Ready";
	$text['status-ready']['pt-br'] = "Pronto";

	$text['status-failed']['en-us'] = "Failed";
	$text['status-failed']['pt-br'] = "Falhou";

	$text['status-active']['en-us'] = "Active";
	$text['status-active']['pt-br'] = "Em andamento";

	$text['status-ended']['en-us'] = "Ended";
	$text['status-ended']['pt-br'] = "Encerrada";

	$text['label-start_time']['en-us'] = "Started";
	$text['label-start_time']['pt-br'] = "Início";

	$text['label-end_time']['en-us'] = "Ended";
	$text['label-end_time']['pt-br'] = "Fim";

	$text['label-caller']['en-us'] = "Caller";
	$text['label-caller']['pt-br'] = "Chamador";

	$text['label-duration_seconds']['en-us'] = "Duration (s)";
	$text['label-duration_seconds']['pt-br'] = "Duração (s)";

	$text['label-total_turns']['en-us'] = "Turns";
	$text['label-total_turns']['pt-br'] = "Turnos";

	$text['label-final_action']['en-us'] = "Outcome";
	$text['label-final_action']['pt-br'] = "Desfecho";

	$text['label-transfer_target']['en-us'] = "Transferred to";
	$text['label-transfer_target']['pt-br'] = "Transferido para";

	$text['label-conversation_status']['en-us'] = "Status";
	$text['label-conversation_status']['pt-br'] = "Situação";

	$text['label-summary']['en-us'] = "Summary";
	$text['label-summary']['pt-br'] = "Resumo";

	$text['label-call_uuid']['en-us'] = "Call UUID";
	$text['label-call_uuid']['pt-br'] = "UUID da chamada";

	$text['label-turn_number']['en-us'] = "Turn";
	$text['label-turn_number']['pt-br'] = "Turno";

	$text['label-content']['en-us'] = "Text";
	$text['label-content']['pt-br'] = "Texto";

	$text['label-latencies']['en-us'] = "Latencies";
	$text['label-latencies']['pt-br'] = "Latências";

	$text['label-providers']['en-us'] = "Providers";
	$text['label-providers']['pt-br'] = "Provedores";

	$text['label-rag_sources']['en-us'] = "Knowledge sources";
	$text['label-rag_sources']['pt-br'] = "Fontes de conhecimento";

	$text['label-latency_stt']['en-us'] = "STT";
	$text['label-latency_stt']['pt-br'] = "STT";

	$text['label-latency_rag']['en-us'] = "RAG";
	$text['label-latency_rag']['pt-br'] = "RAG";

	$text['label-latency_llm']['en-us'] = "LLM";
	$text['label-latency_llm']['pt-br'] = "LLM";

	$text['label-latency_tts']['en-us'] = "TTS";
	$text['label-latency_tts']['pt-br'] = "TTS";

	$text['label-latency_total']['en-us'] = "total";
	$text['label-latency_total']['pt-br'] = "total";

	$text['role-user']['en-us'] = "Caller";
	$text['role-user']['pt-br'] = "Chamador";

	$text['role-assistant']['en-us'] = "Secretary";
	$text['role-assistant']['pt-br'] = "Secretária";

	$text['role-system']['en-us'] = "Note";
	$text['role-system']['pt-br'] = "Nota";

	$text['outcome-transfer']['en-us'] = "Transferred";
	$text['outcome-transfer']['pt-br'] = "Transferida";

	$text['outcome-hangup']['en-us'] = "Hung up";
	$text['outcome-hangup']['pt-br'] = "Desligada";

	$text['outcome-abandoned']['en-us'] = "Abandoned";
	$text['outcome-abandoned']['pt-br'] = "Abandonada";

	$text['outcome-error']['en-us'] = "Error";
	$text['outcome-error']['pt-br'] = "Erro";

	$text['outcome-timeout']['en-us'] = "Timed out";
	$text['outcome-timeout']['pt-br'] = "Tempo esgotado";

	$text['outcome-max_turns']['en-us'] = "Turn limit reached";
	$text['outcome-max_turns']['pt-br'] = "Limite de turnos";

	$text['outcome-take_message']['en-us'] = "Message taken";
	$text['outcome-take_message']['pt-br'] = "Recado anotado";

	$text['outcome-continue']['en-us'] = "Continued";
	$text['outcome-continue']['pt-br'] = "Continuada";

?>
