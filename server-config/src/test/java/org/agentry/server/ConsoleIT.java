package org.agentry.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator console in a real browser (headless Chromium through Selenium) against the shared
 * server: sign-in, an agent created in the browser running a task whose events arrive live, cancel,
 * ask_user, a cron schedule's preview, usage, API keys, what a viewer sees, a stale edit, escaping
 * and the security headers. One browser for the class; each test signs in itself. Screenshots of
 * the main pages go to {@code target/console-screenshots/}.
 */
class ConsoleIT {

  private static final String ADMIN = SharedServer.ADMIN;
  private static final String JSON = "application/json";
  private static final Duration TASK_TIME = Duration.ofSeconds(60);

  private static Api api;
  private static String base;
  private static Browser browser;

  @BeforeAll
  static void start() throws Exception {
    base = SharedServer.get().base();
    api = new Api(base);
    browser = new Browser(base);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void signsInShowsWhoAndRefusesABadToken() throws Exception {
    browser.trySignIn("agentry_not-a-key");
    // a refused token: the sign-in form again, with the problem's title
    browser.await(By.cssSelector("#flash .problem-title"));
    assertTrue(browser.present(By.id("sign-in-token")));
    assertNull(browser.script("return sessionStorage.getItem('agentry.console.token')"));

    var agent = agent(scriptedProvider("[{\"text\":\"done\"}]"), "[]");
    TasksIT.awaitStatus(submit(agent, "{\"input\":\"one for the chart\"}"), "completed");
    browser.signIn(ADMIN);
    assertEquals("admin", browser.await(By.id("who-role")).getText());
    assertFalse(browser.driver.getCurrentUrl().contains(ADMIN), "the token is never in the URL");
    browser.awaitExactText(By.id("dispatch-state"), "running", Duration.ofSeconds(10));
    var completed = browser.await(By.id("throughput")).getDomAttribute("data-completed");
    assertTrue(
        Integer.parseInt(completed) >= 1, "the chart counts the finished task: " + completed);
    browser.awaitExactText(By.id("overview-stream"), "live", Duration.ofSeconds(10));
    browser.screenshot("overview");
    // another client pauses dispatch and submits a task: the task's event refreshes the page at
    // once (the poll is 30 s), showing the pause and the queued task; the admin resumes here and
    // the task's end arrives live in the chart
    try {
      assertEquals(200, api.post("/api/v1/dispatch/pause", ADMIN, JSON, "").status());
      var queued = submit(agent, "{\"input\":\"waits for dispatch\"}");
      browser.awaitExactText(By.id("dispatch-state"), "paused", Duration.ofSeconds(10));
      browser.awaitText(By.id("queue-depth"), "Queued");
      browser.click(By.id("dispatch-toggle"));
      browser.awaitExactText(By.id("dispatch-state"), "running", Duration.ofSeconds(10));
      assertFalse(api.get("/api/v1/dispatch", ADMIN).json().getBoolean("paused"));
      TasksIT.awaitStatus(queued, "completed");
      var before = Integer.parseInt(completed);
      new org.openqa.selenium.support.ui.WebDriverWait(browser.driver, Duration.ofSeconds(10))
          .until(
              d ->
                  Integer.parseInt(
                          d.findElement(By.id("throughput")).getDomAttribute("data-completed"))
                      > before);
    } finally {
      api.post("/api/v1/dispatch/resume", ADMIN, JSON, "");
    }
  }

  @Test
  void taskStreamResumesAfterTheConnectionDropsWithoutGapsOrDuplicates() throws Exception {
    var call = "{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"delayMs\":1500}";
    var turns =
        "[" + String.join(",", java.util.Collections.nCopies(6, call)) + ",{\"text\":\"done\"}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");
    // the browser reaches the server through a forwarder whose connections the test cuts
    try (var proxy = new CuttableProxy(base);
        var viaProxy = new Browser(proxy.base())) {
      viaProxy.signIn(ADMIN);
      var id = submit(agent, "{\"input\":\"t\"}");
      viaProxy.open("/tasks/" + id);
      viaProxy.awaitText(By.id("events"), "tool.start");
      viaProxy.awaitExactText(By.id("stream-state"), "live", Duration.ofSeconds(10));
      proxy.cut();
      try {
        viaProxy.awaitExactText(By.id("stream-state"), "reconnecting", Duration.ofSeconds(10));
        Thread.sleep(2500); // the task goes on emitting events meanwhile
      } finally {
        proxy.restore();
      }
      viaProxy.awaitExactText(By.id("task-status"), "completed", TASK_TIME);
      viaProxy.awaitExactText(By.id("stream-state"), "ended", TASK_TIME);
      var shown = viaProxy.textsNow("#events .event-id");
      var stored = new ArrayList<String>();
      for (var event : TasksIT.events(id, 0)) {
        stored.add("#" + event.asJsonObject().getJsonNumber("id").longValue());
      }
      assertEquals(stored, shown, "every event once, in order");
    }
  }

  @Test
  void agentCreatedInTheBrowserRunsATaskWhoseEventsArriveLive() throws Exception {
    var provider =
        scriptedProvider(
            "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}],\"delayMs\":1500},"
                + "{\"text\":\"It is late.\",\"delayMs\":1500}]");
    var agent = "c-" + shortId();
    browser.signIn(ADMIN);
    browser.open("/agents/new");
    browser.await(By.id("f-name")).sendKeys(agent);
    browser.driver.findElement(By.id("f-systemPrompt")).sendKeys("You tell the time.");
    new Select(browser.driver.findElement(By.id("f-provider"))).selectByValue(provider);
    browser.driver.findElement(By.id("f-model")).sendKeys("scripted");
    browser.driver.findElement(By.id("f-tools")).sendKeys("current_time");
    browser.click(By.id("save-agent"));
    browser.await(By.id("agent-etag"));
    assertEquals(200, api.get("/api/v1/agents/" + agent, ADMIN).status());

    browser.open("/tasks/new?agent=" + agent);
    browser.await(By.id("f-input")).sendKeys("What time is it?");
    browser.click(By.cssSelector("#task-form button[type=submit]"));
    browser.await(By.id("task-status"));
    // events appear while the task still runs: the stream is live, not a replay at the end
    browser.awaitText(By.id("events"), "tool.start");
    var statusWhileStreaming = browser.driver.findElement(By.id("task-status")).getText();
    assertFalse(statusWhileStreaming.equals("completed"), "tool.start seen before the end");
    browser.awaitExactText(By.id("task-status"), "completed", TASK_TIME);
    browser.awaitText(By.id("stream-state"), "ended");
    browser.awaitText(By.id("task-output"), "It is late.");
    var types = browser.textsNow("#events .event-type");
    for (var type : new String[] {"status", "model.request", "model.response", "tool.end"}) {
      assertTrue(types.contains(type), type + " in " + types);
    }
    var ids = browser.textsNow("#events .event-id");
    assertEquals(ids.size(), new java.util.HashSet<>(ids).size(), "no event twice: " + ids);
    browser.screenshot("task");
  }

  @Test
  void slowTaskIsCancelledFromItsPage() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"slow\",\"delayMs\":30000}]"), "[]");
    var id = submit(agent, "{\"input\":\"take your time\"}");
    browser.signIn(ADMIN);
    browser.open("/tasks/" + id);
    browser.awaitText(By.id("events"), "model.request");
    browser.click(By.id("cancel-task"));
    browser.awaitExactText(By.id("task-status"), "cancelled", TASK_TIME);
    assertEquals("cancelled", api.get("/api/v1/tasks/" + id, ADMIN).json().getString("status"));
    assertFalse(browser.present(By.id("cancel-task")), "no cancel for a finished task");
  }

  @Test
  void askUserQuestionIsAnsweredFromTheTaskPage() throws Exception {
    var turns =
        "[{\"toolCalls\":[{\"name\":\"ask_user\",\"arguments\":{\"question\":\"Which file?\"}}]},"
            + "{\"text\":\"Thanks\"}]";
    var id = submit(agent(scriptedProvider(turns), "[\"ask_user\"]"), "{\"input\":\"tidy\"}");
    browser.signIn(ADMIN);
    browser.open("/tasks/" + id);
    browser.awaitText(By.id("task-question"), "Which file?");
    browser.await(By.id("respond-message")).sendKeys("notes.md");
    browser.click(By.cssSelector("#respond-form button"));
    browser.awaitExactText(By.id("task-status"), "completed", TASK_TIME);
    browser.awaitText(By.id("task-output"), "Thanks");
    var context = api.get("/api/v1/tasks/" + id + "/context", ADMIN).body();
    assertTrue(context.contains("notes.md"), context);
  }

  @Test
  void cronScheduleShowsItsNextFireTimesAsTheServerComputesThem() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"tick\"}]"), "[]");
    var name = "s-" + shortId();
    browser.signIn(ADMIN);
    browser.open("/schedules/new");
    browser.await(By.id("f-name")).sendKeys(name);
    new Select(browser.driver.findElement(By.id("f-agent"))).selectByValue(agent);
    browser.driver.findElement(By.id("f-input")).sendKeys("tick");
    var cron = browser.driver.findElement(By.id("f-cron"));
    cron.clear();
    cron.sendKeys("99 * * * *");
    browser.await(By.id("preview-problem"));
    assertTrue(browser.driver.findElement(By.id("preview-problem")).getText().contains("cron"));
    cron.clear();
    cron.sendKeys("30 6 * * *");
    var zone = browser.driver.findElement(By.id("f-timeZone"));
    zone.clear();
    zone.sendKeys("Asia/Tokyo");
    browser.click(By.id("f-name")); // "change" fires on leaving the field
    browser.awaitText(By.cssSelector("#preview-table thead"), "Asia/Tokyo");
    var times = browser.textsNow("#preview-table tbody tr td:first-child");
    assertEquals(5, times.size(), times.toString());
    assertTrue(times.stream().allMatch(t -> t.contains("6:30:00")), times.toString());
    browser.screenshot("schedule-new");
    browser.click(By.cssSelector("#schedule-form button[type=submit]"));
    browser.awaitText(By.tagName("h1"), name);
    browser.await(By.id("preview-table"));
    var stored = api.get("/api/v1/schedules?agent=" + agent, ADMIN).structure().asJsonArray();
    assertEquals(1, stored.size());
    assertEquals("30 6 * * *", stored.getJsonObject(0).getString("cron"));
    assertEquals("Asia/Tokyo", stored.getJsonObject(0).getString("timeZone"));
    // edited in the browser: sent with the ETag the form read
    browser.click(By.id("edit-schedule"));
    var edited = browser.await(By.id("f-cron"));
    browser.awaitText(By.tagName("h1"), "Edit schedule");
    edited.clear();
    edited.sendKeys("0 7 * * *");
    browser.click(By.id("save-schedule"));
    browser.awaitText(By.tagName("h1"), "Schedule " + name);
    var id = stored.getJsonObject(0).getString("id");
    assertEquals("0 7 * * *", api.get("/api/v1/schedules/" + id, ADMIN).json().getString("cron"));
    browser.open("/schedules");
    browser.awaitText(By.id("schedule-table"), name);
    browser.screenshot("schedules");
  }

  @Test
  void viewerSeesNoWriteButtonsAndAForgedWriteIsRefused() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"hi\"}]"), "[]");
    var id = submit(agent, "{\"input\":\"hello\"}");
    TasksIT.awaitStatus(id, "completed");
    browser.signIn(key("viewer"));
    assertEquals("viewer", browser.await(By.id("who-role")).getText());
    assertFalse(browser.present(By.id("dispatch-toggle")));
    browser.open("/agents");
    browser.awaitText(By.id("agent-table"), agent);
    assertFalse(browser.present(By.id("new-agent")));
    assertFalse(browser.present(By.xpath("//button[starts-with(@aria-label,'Pause ')]")));
    browser.open("/tasks/" + id);
    browser.await(By.id("task-status"));
    assertFalse(browser.present(By.id("delete-task")));
    browser.open("/tasks");
    browser.await(By.id("task-table"));
    assertFalse(browser.present(By.id("new-task")));
    assertFalse(browser.driver.findElement(By.id("nav")).getText().contains("API keys"));
    browser.open("/agents/" + agent);
    assertFalse(browser.present(By.id("save-agent")));
    assertFalse(browser.await(By.id("f-systemPrompt")).isEnabled());

    // the page's own token, sent by hand: the server refuses it all the same
    var status =
        browser.asyncScript(
            "const done = arguments[arguments.length - 1];"
                + "fetch('/api/v1/agents/' + arguments[0] + '/pause', {method: 'POST', headers:"
                + " {Authorization: 'Bearer ' + sessionStorage.getItem('agentry.console.token')}})"
                + ".then(r => r.json().then(b => done(r.status + ' ' + b.code)));",
            agent);
    assertEquals("403 FORBIDDEN", status);
    assertFalse(api.get("/api/v1/agents/" + agent, ADMIN).json().getBoolean("paused"));
  }

  @Test
  void staleAgentEditIsRefusedWithAMessage() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"hi\"}]"), "[]");
    browser.signIn(ADMIN);
    browser.open("/agents/" + agent);
    var prompt = browser.await(By.id("f-systemPrompt"));
    // someone else saves first
    var read = api.get("/api/v1/agents/" + agent, ADMIN);
    var etag = read.raw().headers().firstValue("ETag").orElseThrow();
    var other =
        api.send(
            api.request("/api/v1/agents/" + agent, ADMIN)
                .header("Content-Type", JSON)
                .header("If-Match", etag)
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        AgentsIT.agentJson(agent, read.json().getString("provider"), "[]", "")
                            .replace("You help.", "Theirs."))));
    assertEquals(200, other.status(), other.body());

    prompt.clear();
    prompt.sendKeys("Mine.");
    browser.click(By.id("save-agent"));
    browser.awaitText(By.cssSelector("#flash .problem-detail"), "Someone changed this agent");
    browser.screenshot("agent-stale-edit");
    assertEquals(
        "Theirs.", api.get("/api/v1/agents/" + agent, ADMIN).json().getString("systemPrompt"));
  }

  @Test
  void markupInATaskRendersAsText() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"<b>bold?</b>\"}]"), "[]");
    var input = "<script>window.__pwned = 1</script><img src=x onerror=\"window.__pwned = 2\">";
    var body = Json.createObjectBuilder().add("input", input);
    var id = submit(agent, body.build().toString());
    TasksIT.awaitStatus(id, "completed");
    browser.signIn(ADMIN);
    browser.open("/tasks/" + id);
    browser.awaitExactText(By.id("task-input"), input, Duration.ofSeconds(20));
    browser.awaitText(By.id("task-output"), "<b>bold?</b>");
    browser.open("/tasks?agent=" + agent);
    browser.awaitText(By.id("task-table"), "<script>");
    assertNull(browser.script("return window.__pwned === undefined ? null : window.__pwned"));
    assertTrue(browser.driver.findElements(By.cssSelector("main script, main img")).isEmpty());
  }

  @Test
  void usageChartAndTablesShowTasksThatRan() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"counted\"}]"), "[]");
    TasksIT.awaitStatus(submit(agent, "{\"input\":\"count me\"}"), "completed");
    browser.signIn(ADMIN);
    browser.open("/usage");
    browser.awaitText(By.id("usage-by-agent"), agent);
    assertTrue(browser.present(By.cssSelector("#usage-chart canvas")), "uPlot drew the chart");
    var charted = browser.await(By.id("usage-chart")).getDomAttribute("data-tokens");
    assertTrue(Long.parseLong(charted) > 0, "the chart holds the tokens: " + charted);
    assertTrue(browser.await(By.id("usage-totals")).getText().contains("model calls"));
    for (var chart : new String[] {"usage-agent-chart", "usage-model-chart"}) {
      assertTrue(browser.present(By.cssSelector("#" + chart + " canvas")), chart + " drawn");
    }
    var agents = browser.await(By.id("usage-agent-chart")).getDomAttribute("data-labels");
    assertTrue(agents.contains("\"" + agent + "\""), "a bar for the agent: " + agents);
    assertTrue(
        browser
            .await(By.id("usage-model-chart"))
            .getDomAttribute("data-labels")
            .contains("scripted"));
    browser.screenshot("usage");
  }

  @Test
  void budgetGaugesShowUsedAndReservedApart() throws Exception {
    // the first model call settles (used); the second holds its reservation for 30 s
    var turns =
        "[{\"toolCalls\":[{\"name\":\"current_time\",\"arguments\":{}}]},"
            + "{\"text\":\"slow\",\"delayMs\":30000}]";
    var agent = agent(scriptedProvider(turns), "[\"current_time\"]");
    var budget =
        api.send(
            api.request("/api/v1/agents/" + agent + "/budget", ADMIN)
                .header("Content-Type", JSON)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"dailyTokens\":1000000}")));
    assertEquals(200, budget.status(), budget.body());
    var slow = submit(agent, "{\"input\":\"second\"}");
    try {
      awaitEvents(slow, "model.request", 2);
      browser.signIn(ADMIN);
      browser.open("/usage");
      var gauge =
          browser.await(By.cssSelector(".gauge[aria-label^='Budget agent:" + agent + ":day']"));
      assertEquals("tokens", gauge.getDomAttribute("data-unit"));
      assertTrue(Long.parseLong(gauge.getDomAttribute("data-used")) > 0, "the first task's tokens");
      assertTrue(
          Long.parseLong(gauge.getDomAttribute("data-reserved")) > 0, "the running call's hold");
      assertEquals("1000000", gauge.getDomAttribute("data-limit"));
      var used = gauge.findElement(By.className("gauge-used")).getSize().getWidth();
      var reserved = gauge.findElement(By.className("gauge-reserved")).getSize().getWidth();
      assertTrue(used > 0 && reserved > 0, "drawn: used " + used + ", reserved " + reserved);
      assertTrue(gauge.getAccessibleName().contains("Budget agent:" + agent));
      browser.script("arguments[0].scrollIntoView()", gauge);
      browser.screenshot("usage-budgets");
    } finally {
      api.post("/api/v1/tasks/" + slow + "/cancel", ADMIN, JSON, "");
    }
  }

  @Test
  void taskListSortsByCreatedTimeBothWays() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"x\"}]"), "[]");
    var ids = new ArrayList<String>();
    for (int i = 0; i < 3; i++) {
      ids.add(submit(agent, "{\"input\":\"n" + i + "\"}"));
    }
    browser.signIn(ADMIN);
    browser.open("/tasks?agent=" + agent);
    browser.await(By.id("task-table"));
    var header = By.cssSelector("#task-table th[aria-sort]");
    assertEquals("descending", browser.await(header).getDomAttribute("aria-sort"));
    assertEquals(newestFirst(ids), browser.textsNow("#task-table .task-link"));
    browser.click(By.id("sort-created"));
    browser.awaitText(By.cssSelector("#task-table caption"), "Oldest first");
    assertEquals("ascending", browser.await(header).getDomAttribute("aria-sort"));
    assertEquals(
        ids.stream().map(i -> i.substring(0, 8)).toList(),
        browser.textsNow("#task-table .task-link"));
    assertTrue(browser.driver.getCurrentUrl().contains("order=asc"));
  }

  @Test
  void calendarShowsTheNextFiresOfActiveSchedulesFor24HoursAnd7Days() throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"tick\"}]"), "[]");
    var every6h =
        "{\"name\":\"six-hourly\",\"agent\":\""
            + agent
            + "\",\"task\":{\"input\":\"x\"},"
            + "\"cron\":\"0 */6 * * *\",\"timeZone\":\"UTC\"}";
    assertEquals(201, api.post("/api/v1/schedules", ADMIN, JSON, every6h).status());
    var paused =
        "{\"name\":\"resting\",\"agent\":\""
            + agent
            + "\",\"task\":{\"input\":\"x\"},"
            + "\"intervalSeconds\":3600,\"paused\":true}";
    assertEquals(201, api.post("/api/v1/schedules", ADMIN, JSON, paused).status());
    browser.signIn(ADMIN);
    browser.open("/schedules");
    browser.click(By.id("schedule-calendar"));
    browser.await(By.id("calendar"));
    browser.open("/schedules/calendar?agent=" + agent);
    browser.await(By.cssSelector("#calendar .fire"));
    assertEquals("true", browser.await(By.id("range-24h")).getDomAttribute("aria-pressed"));
    var day = browser.textsNow("#calendar .fire[data-schedule='six-hourly'] a");
    assertEquals(4, day.size(), day.toString());
    assertTrue(browser.textsNow("#calendar .fire[data-schedule='resting']").isEmpty(), "paused");
    var upcoming = api.get("/api/v1/schedules/upcoming?agent=" + agent, ADMIN).json();
    var expected = new ArrayList<String>();
    for (var fire : upcoming.getJsonArray("fires")) {
      expected.add(fire.asJsonObject().getString("at"));
    }
    assertEquals(expected, attributes("#calendar .fire", "data-at"), "the server's fire times");
    assertTrue(
        expected.stream().allMatch(t -> t.matches(".*T(00|06|12|18):00:00Z")), expected.toString());
    assertNoSidewaysScroll("calendar, 24 h");
    browser.screenshot("schedule-calendar-24h");

    browser.click(By.id("range-7d"));
    browser.await(By.cssSelector("#calendar.week"));
    assertEquals("true", browser.await(By.id("range-7d")).getDomAttribute("aria-pressed"));
    assertEquals(28, browser.textsNow("#calendar .fire[data-schedule='six-hourly']").size());
    assertLabelled("calendar");
    assertNoSidewaysScroll("calendar, 7 days");
    browser.screenshot("schedule-calendar-7d");
  }

  private static java.util.List<String> newestFirst(java.util.List<String> ids) {
    var shorts = new ArrayList<String>();
    for (var id : ids) {
      shorts.add(0, id.substring(0, 8));
    }
    return shorts;
  }

  private static void awaitEvents(String task, String type, int count) throws Exception {
    for (int i = 0; i < 150; i++) {
      int seen = 0;
      for (var event : TasksIT.events(task, 0)) {
        if (event.asJsonObject().getString("type").equals(type)) {
          seen++;
        }
      }
      if (seen >= count) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError("not " + count + " " + type + " events on " + task);
  }

  @SuppressWarnings("unchecked")
  private static java.util.List<String> attributes(String css, String name) {
    return (java.util.List<String>)
        browser.script(
            "return Array.from(document.querySelectorAll(arguments[0]), e => e.getAttribute(arguments[1]))",
            css,
            name);
  }

  private static void assertNoSidewaysScroll(String page) {
    var overflow =
        browser.script(
            "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
    assertEquals(Boolean.FALSE, overflow, page + " scrolls sideways at 1280×800");
  }

  @Test
  void adminIssuesAKeyWhoseTokenIsShownOnceAndRevokesIt() throws Exception {
    var name = "k-" + shortId();
    browser.signIn(ADMIN);
    browser.open("/keys");
    browser.await(By.id("f-name")).sendKeys(name);
    new Select(browser.driver.findElement(By.id("f-role"))).selectByValue("operator");
    browser.click(By.cssSelector("#key-form button"));
    var token = browser.await(By.id("issued-token")).getDomProperty("value");
    assertTrue(token.startsWith("agentry_"), token);
    assertEquals(200, api.get("/api/v1/info", token).status());
    browser.screenshot("api-keys");
    browser.open("/overview");
    browser.open("/keys");
    browser.awaitText(By.id("key-table"), name);
    assertFalse(browser.present(By.id("issued-token")), "shown once");
    assertFalse(browser.driver.getPageSource().contains(token));
    browser.click(By.cssSelector("button[aria-label='Revoke " + name + "']"));
    browser.driver.switchTo().alert().accept();
    browser.awaitAbsent(By.cssSelector("button[aria-label='Revoke " + name + "']"));
    assertEquals(401, api.get("/api/v1/info", token).status());
  }

  @Test
  void consoleResponsesCarrySecurityHeaders() throws Exception {
    for (var path : new String[] {"/console/", "/console/js/app.js", "/console/api.html"}) {
      var headers = api.get(path, null).raw().headers();
      var csp = headers.firstValue("Content-Security-Policy").orElseThrow();
      var scripts = csp.split("script-src")[1].split(";")[0];
      assertFalse(scripts.contains("unsafe-inline") || scripts.contains("unsafe-eval"), csp);
      assertTrue(csp.contains("frame-ancestors 'none'"), csp);
      assertEquals("nosniff", headers.firstValue("X-Content-Type-Options").orElseThrow());
      assertEquals("no-referrer", headers.firstValue("Referrer-Policy").orElseThrow());
      assertEquals("DENY", headers.firstValue("X-Frame-Options").orElseThrow());
    }
  }

  @Test
  void everyPageRendersWithLabelledControlsWithinTheWindowAndWithoutCspViolations()
      throws Exception {
    var agent = agent(scriptedProvider("[{\"text\":\"hi\"}]"), "[]");
    var task = submit(agent, "{\"input\":\"hello\"}");
    var session = TasksIT.awaitStatus(task, "completed").getString("sessionId");
    browser.signIn(ADMIN);
    browser.consoleMessages();
    var pages =
        Map.of(
            "tasks",
            "task-table",
            "agents",
            "agent-table",
            "providers",
            "provider-table",
            "tasks/new",
            "task-form",
            "agents/new",
            "agent-form",
            "sessions",
            "session-table",
            "sessions/" + session,
            "transcript");
    for (var page : pages.entrySet()) {
      browser.open("/" + page.getKey());
      browser.await(By.id(page.getValue()));
      assertLabelled(page.getKey());
      var overflow =
          browser.script(
              "return document.documentElement.scrollWidth > document.documentElement.clientWidth");
      assertEquals(Boolean.FALSE, overflow, page.getKey() + " scrolls sideways at 1280×800");
      browser.screenshot(page.getKey().replace('/', '-').replace(session, "transcript"));
    }
    browser.driver.get(base + "/console/api.html");
    browser.await(By.cssSelector(".swagger-ui .info .title"));
    browser.screenshot("api-reference");
    var violations =
        browser.consoleMessages().stream()
            .filter(m -> m.contains("Content Security Policy") || m.contains("Refused to"))
            .toList();
    assertTrue(violations.isEmpty(), violations.toString());
  }

  private static void assertLabelled(String page) {
    var unnamed = new ArrayList<String>();
    for (WebElement control :
        browser.driver.findElements(By.cssSelector("main input, main select, main textarea"))) {
      if (control.getAccessibleName().isBlank()) {
        unnamed.add(control.getDomAttribute("name"));
      }
    }
    assertTrue(unnamed.isEmpty(), page + ": controls without an accessible name: " + unnamed);
  }

  private static String shortId() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  private static String scriptedProvider(String turns) throws Exception {
    return AgentsIT.scriptedProvider(turns);
  }

  private static String agent(String provider, String tools) throws Exception {
    return AgentsIT.agent(provider, tools);
  }

  private static String submit(String agent, String body) throws Exception {
    var reply = api.post("/api/v1/agents/" + agent + "/tasks", ADMIN, JSON, body);
    assertEquals(202, reply.status(), reply.body());
    return reply.json().getString("taskId");
  }

  private static String key(String role) throws Exception {
    var body = "{\"name\":\"console-" + shortId() + "\",\"role\":\"" + role + "\"}";
    return api.post("/api/v1/api-keys", ADMIN, JSON, body).json().getString("token");
  }
}
