package org.agentry.platform.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.jms.JMSConnectionFactoryDefinition;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.agentry.platform.control.AgentryDataSource;
import org.agentry.platform.control.Broker;
import org.flywaydb.core.Flyway;

/**
 * Defines the application's datasource ({@value #DATASOURCE}) and JMS connection factory ({@value
 * Broker#CONNECTION_FACTORY}), and brings the schema up to date with Flyway before any feature
 * starts. Features that need the schema at startup declare {@code @DependsOn("PlatformStartup")}.
 *
 * <p>The datasource takes {@code agentry.db.url}, {@code agentry.db.user} and {@code
 * agentry.db.password} from MicroProfile Config; {@link AgentryDataSource} picks the driver (H2 or
 * PostgreSQL) from the URL. The connection factory uses the ActiveMQ Classic resource adapter,
 * whose name is the RAR's file name.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DataSourceDefinition(
    name = PlatformStartup.DATASOURCE,
    className = "org.agentry.platform.control.AgentryDataSource",
    url = "${MPCONFIG=agentry.db.url}",
    user = "${MPCONFIG=agentry.db.user}",
    password = "${MPCONFIG=agentry.db.password}",
    minPoolSize = 2,
    maxPoolSize = 64)
@JMSConnectionFactoryDefinition(
    name = Broker.CONNECTION_FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = Broker.RESOURCE_ADAPTER,
    maxPoolSize = 64,
    properties = Broker.WILDFLY_ADAPTER_SERVER_URL)
public class PlatformStartup {

  /** JNDI name of the application's JTA datasource. */
  public static final String DATASOURCE = "java:app/jdbc/agentry";

  private static final Logger LOG = Logger.getLogger(PlatformStartup.class.getName());

  @Resource(lookup = DATASOURCE)
  DataSource dataSource;

  @PostConstruct
  void migrate() {
    var result =
        Flyway.configure(PlatformStartup.class.getClassLoader())
            .dataSource(dataSource)
            .locations("classpath:db/migration")
            .load()
            .migrate();
    LOG.info(
        () ->
            "Schema at version "
                + result.targetSchemaVersion
                + " ("
                + result.migrationsExecuted
                + " migrations applied now)");
  }
}
