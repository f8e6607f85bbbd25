/**
 * The microreach Spring Boot application: the entry point that dispatches the command line, and the Spring
 * configuration that wires persistence, import and the web UI. Sub-packages hold one feature each and may use the
 * core module, Spring and JDBC (and {@code crawl} the connectors module); among themselves each feature may use only the features in its row below (checked by
 * {@code ArchitectureTest} in the app's tests; change both together). SQL stays out of controllers and commands (it
 * lives in each feature's query and store classes), the {@code COPY} codecs live in {@code database}, and only
 * {@code scoring} publishes {@code AccountsRescored} (a niche correction publishes {@code niches.NicheCorrected}).
 *
 * <table>
 * <caption>Allowed dependencies between feature packages</caption>
 * <tr><th>feature</th><th>may use</th></tr>
 * <tr><td>(this package)</td><td>cli, home, security</td></tr>
 * <tr><td>web, home, users</td><td>no other feature</td></tr>
 * <tr><td>security</td><td>users</td></tr>
 * <tr><td>privacy</td><td>importer, scoring, users</td></tr>
 * <tr><td>shortlists</td><td>database, security, users, web</td></tr>
 * <tr><td>database</td><td>home</td></tr>
 * <tr><td>importer</td><td>database, home</td></tr>
 * <tr><td>scoring</td><td>database, home</td></tr>
 * <tr><td>niches</td><td>home, scoring</td></tr>
 * <tr><td>search</td><td>home, niches, scoring</td></tr>
 * <tr><td>planner</td><td>niches, scoring, search, security, shortlists, users</td></tr>
 * <tr><td>campaigns</td><td>database, planner, search, security, shortlists, tracking, users, web</td></tr>
 * <tr><td>outreach</td><td>campaigns, database, security, users, web</td></tr>
 * <tr><td>importjobs</td><td>home, importer, scoring, security, users</td></tr>
 * <tr><td>demo</td><td>campaigns, home, importer, niches, scoring, users</td></tr>
 * <tr><td>discover</td><td>niches, search, shortlists</td></tr>
 * <tr><td>crawl</td><td>database, home, importer, scoring (and the connectors module)</td></tr>
 * <tr><td>creators</td><td>campaigns, crawl, database, niches, planner, scoring, search, shortlists</td></tr>
 * <tr><td>exports</td><td>campaigns, discover, niches, planner, scoring, search, security, shortlists, users</td></tr>
 * <tr><td>searcheval</td><td>importer, niches, scoring, search</td></tr>
 * <tr><td>tracking</td><td>database, home, security, users</td></tr>
 * <tr><td>cli</td><td>(this package), campaigns, crawl, database, demo, home, importer, niches, outreach, planner,
 * scoring, search, searcheval, privacy, tracking, users</td></tr>
 * </table>
 */
package io.microreach.app;
