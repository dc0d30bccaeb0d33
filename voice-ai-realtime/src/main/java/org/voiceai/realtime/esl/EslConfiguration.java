package org.voiceai.realtime.esl;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Event Socket connection to FreeSWITCH: started with the application (it connects in the background and keeps
 * retrying, so the bridge starts even when FreeSWITCH is not up yet) and closed at shutdown.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EslProperties.class)
public class EslConfiguration {

	@Bean(initMethod = "start", destroyMethod = "close")
	ReactorNettyEslGateway eslGateway(EslProperties properties) {
		return new ReactorNettyEslGateway(properties);
	}

	@Bean
	EslCommands eslCommands(EslGateway eslGateway) {
		return new EslCommands(eslGateway);
	}

	@Bean
	EslHealthIndicator eslHealthIndicator(ReactorNettyEslGateway eslGateway) {
		return new EslHealthIndicator(eslGateway);
	}

}
