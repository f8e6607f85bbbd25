package io.microreach.campaigns;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClickScreenTest {
    private final ClickScreen screen = new ClickScreen();

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "GET|Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                        + " Version/17.4 Mobile/15E148 Safari/604.1||CLICK",
                "GET|Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/124.0.0.0 Mobile Safari/537.36||CLICK",
                "GET|Mozilla/5.0 (Linux; Android 13; SM-S918B Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML,"
                        + " like Gecko) Version/4.0 Chrome/124.0.6367.82 Mobile Safari/537.36 Instagram 330.0.0.40.92"
                        + " Android||CLICK",
                "GET|Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/124.0.0.0 Safari/537.36|prefetch|PREFETCH",
                "GET|Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.0.0 Safari/537.36|prefetch;prerender|PREFETCH",
                "HEAD|Mozilla/5.0 (iPhone) Safari/604.1||HEAD",
                "GET|facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)||PREVIEW",
                "GET|WhatsApp/2.23.20.0||PREVIEW",
                "GET|Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)||PREVIEW",
                "GET|TelegramBot (like TwitterBot)||PREVIEW",
                "GET|Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)||PREVIEW",
                "GET|Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)||BOT",
                "GET|Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)||BOT",
                "GET|curl/8.5.0||BOT",
                "GET|python-requests/2.31.0||BOT",
                "GET|||BOT",
            })
    void tellsPeopleFromMachines(String method, String userAgent, String purpose, ClickKind expected) {
        assertThat(screen.classify(method, userAgent, purpose)).isEqualTo(expected);
    }

    /**
     * Against the exact reference it replaced: one regular expression with every robot word ("bot" as a word ending),
     * on user agents assembled at random from browser, robot and look-alike fragments ("bottle", "robotics", "Bot_",
     * "crawl" inside words, upper case).
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithTheRegularExpressionItReplaced(long seed) {
        java.util.regex.Pattern reference = java.util.regex.Pattern.compile(
                "bot\\b|bot/|crawler|spider|crawl|slurp|preview|fetcher|monitor|uptime|headlesschrome|phantomjs"
                        + "|python-requests|python-urllib|aiohttp|curl/|wget/|go-http-client|okhttp|java/"
                        + "|apache-httpclient|libwww|httpclient|scrapy|node-fetch|axios/|lighthouse|pingdom|checkly");
        String[] fragments = {
            "Mozilla/5.0 ",
            "(iPhone; CPU iPhone OS 17_4 like Mac OS X) ",
            "AppleWebKit/605.1.15 ",
            "Safari/604.1",
            "Chrome/124.0 ",
            "bot",
            "Bot",
            "BOT_",
            "bottle ",
            "robotics",
            "robot.",
            "bot/",
            "googlebot/2.1",
            "crawl",
            "Crawler",
            "spidery",
            "curl",
            "curl/8",
            "java",
            "Java/17",
            "okhttp/4",
            "preview",
            "Previewer",
            "Lighthouse",
            "uptime-kuma",
            " ",
            ";",
            "_",
            "-",
            "é",
            "9"
        };
        java.util.Random random = new java.util.Random(seed);
        for (int n = 0; n < 2_000; n++) {
            StringBuilder ua = new StringBuilder();
            for (int k = random.nextInt(6) + 1; k > 0; k--) {
                ua.append(fragments[random.nextInt(fragments.length)]);
            }
            String agent = ua.toString();
            ClickKind kind = screen.classify("GET", agent, null);
            if (kind == ClickKind.PREVIEW) {
                continue; // the preview list is checked first, as before
            }
            boolean robot = agent.isBlank()
                    || reference
                            .matcher(agent.toLowerCase(java.util.Locale.ROOT))
                            .find();
            assertThat(kind).as(agent).isEqualTo(robot ? ClickKind.BOT : ClickKind.CLICK);
        }
    }
}
