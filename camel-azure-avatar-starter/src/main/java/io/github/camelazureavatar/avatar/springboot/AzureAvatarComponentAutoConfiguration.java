package io.github.camelazureavatar.avatar.springboot;

import io.github.camelazureavatar.avatar.AzureAvatarComponent;
import org.apache.camel.Component;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.spring.boot.ComponentConfigurationProperties;
import org.apache.camel.spring.boot.util.CamelPropertiesHelper;
import org.apache.camel.spring.boot.util.ConditionalOnCamelContextAndAutoConfigurationBeans;
import org.apache.camel.spring.boot.util.ConditionalOnHierarchicalProperties;
import org.apache.camel.spring.boot.util.HierarchicalPropertiesEvaluator;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/**
 * Binds camel.component.azure-avatar.* to the azure-avatar component, the way Camel's own starters do (a
 * ComponentCustomizer applied when Camel creates the component). One source for Spring Boot 3 (camel-spring-boot 4.18)
 * and Spring Boot 4 (camel-spring-boot 4.22): {@code @AutoConfiguration} exists in both, and every camel-spring-boot
 * class used here has the same signature in 4.18 and 4.22.
 */
@AutoConfiguration(after = CamelAutoConfiguration.class)
@Conditional(ConditionalOnCamelContextAndAutoConfigurationBeans.class)
@EnableConfigurationProperties({ ComponentConfigurationProperties.class, AzureAvatarComponentConfiguration.class })
@ConditionalOnHierarchicalProperties({ "camel.component", "camel.component.azure-avatar" })
public class AzureAvatarComponentAutoConfiguration {

    @Lazy
    @Bean
    public ComponentCustomizer configureAzureAvatarComponent(
            ApplicationContext applicationContext, AzureAvatarComponentConfiguration configuration) {
        return new ComponentCustomizer() {
            @Override
            public void configure(String name, Component target) {
                CamelPropertiesHelper.copyProperties(target.getCamelContext(), configuration, target);
            }

            @Override
            public boolean isEnabled(String name, Component target) {
                return HierarchicalPropertiesEvaluator.evaluate(applicationContext, "camel.component.customizer",
                        "camel.component.azure-avatar.customizer")
                        && target instanceof AzureAvatarComponent;
            }
        };
    }

    /**
     * The actuator's configprops and env endpoints show values with show-values=always; the component's secret options
     * (key, destination container SAS URL, proxy password) stay masked there whatever that setting says.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
    static class ActuatorSanitizing {

        @Bean
        SanitizingFunction azureAvatarSecretOptions() {
            return data -> data.getLowerCaseKey().replace("-", "")
                    .matches(".*(subscriptionkey|destinationcontainerurl|proxyauthpassword)") ? data.withValue(
                            SanitizableData.SANITIZED_VALUE) : data;
        }
    }
}
