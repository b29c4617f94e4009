// Questions about the workspace, answered from the fixture's run history (fixture-runs.ts), its
// schedules and chains, at corpusNow (Tuesday 24 November 2026, 11:00 in Berlin). Each reply
// is checked for its figures: counts, tokens, run times, rates, times and the errors in words.
import type { CorpusCase } from './planner-corpus.ts';

export const questionCorpus: CorpusCase[] = [
  // An agent's recent runs.
  {
    text: 'show me the last runs of the lead scraper',
    reply:
      /last 5 runs of "Lead Scraper".*today at 09:00, started by hand: succeeded in 12 s, 1,500 tokens\n.*Friday 20 November at 09:00, started from the chat: failed after 3 s, 200 tokens at step "fetch": “The request to https:\/\/example\.com\/team took longer than 30 s”\n.*In the last 7 days \(since Wednesday 18 November\): 4 runs, 3 succeeded \(75%\), 1 failed, 4,400 tokens, 36 s of run time/s,
  },
  {
    text: 'how did the reporter do lately',
    reply:
      /last 2 runs of "Reporter".*failed after 9 s at step "login".*Wrong password.*1 run, 0 succeeded \(0%\), 1 failed/s,
  },
  {
    text: 'last runs of the weekly report',
    reply:
      /5 runs of "Weekly Report".*yesterday at 08:00, by its schedule: failed after 6 s, 800 tokens at step "fetch": .*ECONNRESET.*Monday 16 November at 08:00, by its schedule: succeeded in 1 min 35 s, 12,000 tokens.*It runs next Monday 30 November at 08:00/s,
  },
  {
    text: 'recent runs of the reporting agent',
    reply: /2 runs of "Reporting Agent".*today at 09:01, by a chain: succeeded in 20 s, 3,000 tokens/s,
  },
  {
    text: 'when did the data collector last run',
    reply:
      /today at 08:15, started by hand: failed after 1 s at step "fetch": .*no connected account "sheets"/s,
  },
  { text: 'how has the monthly report been doing', reply: /2 runs of "Monthly Report".*answered 404/s },
  {
    text: 'show me the runs',
    reply:
      /last 10 runs in this workspace, newest first:\n- "example\.com Price Monitor" today at 10:00, by its schedule: succeeded in 4 s/,
  },
  { text: 'how did the report do this week', question: 'agent' },
  // Did it run today, this week.
  {
    text: 'did the price monitor run today?',
    reply:
      /Yes, "example\.com Price Monitor" ran 2 times today \(all succeeded\)\. The last: today at 10:00, by its schedule/,
  },
  {
    text: 'did the weekly report run today',
    reply:
      /No, "Weekly Report" has not run today\. Its last run was yesterday at 08:00, by its schedule: failed after 6 s.*ECONNRESET”\. It runs next Monday 30 November at 08:00\./,
  },
  {
    text: 'has the lead scraper run this week?',
    reply: /Yes, "Lead Scraper" ran 2 times this week \(since Monday 23 November\) \(all succeeded\)/,
  },
  { text: 'did the monthly report run yesterday', reply: /No, "Monthly Report" did not run yesterday/ },
  {
    text: 'did the job collector run this week',
    reply: /No, "Job Collector" has not run this week.*Tuesday 10 November at 10:00.*It is paused/s,
  },
  { text: 'did the data collector work today?', reply: /Yes, "Data Collector" ran once today \(it failed\)/ },
  {
    text: 'did the reporting agent run yesterday?',
    reply: /"Reporting Agent" ran once yesterday \(it succeeded\)/,
  },
  {
    text: 'did the reporter run this month',
    reply: /Yes, "Reporter" ran 2 times this month \(since Sunday 1 November\) \(1 succeeded, 1 failed\)/,
  },
  { text: 'did the price monitr run today', reply: /Yes, "example\.com Price Monitor" ran 2 times today/ },
  { text: 'did anything run today', reply: /^5 agents ran today:\n- "Lead Scraper": 1 run, 1 succeeded/ },
  // What is scheduled.
  {
    text: "what's scheduled for tomorrow",
    reply:
      /Scheduled for tomorrow \(Wednesday 25 November\): 2 runs of 1 agent:\n- "example\.com Price Monitor" at 06:00 and 10:00\nAlso: "Reporting Agent" runs after "Lead Scraper" succeeds/,
  },
  {
    text: 'what runs this week',
    reply:
      /rest of this week \(to Sunday 29 November\): 10 runs of 1 agent:\n- "example\.com Price Monitor" 10 times/,
  },
  {
    text: 'what is scheduled',
    reply:
      /2 agents run on a schedule:.*"Weekly Report" at 08:00 AM, only on Monday \(Europe\/Berlin\); next Monday 30 November at 08:00/s,
  },
  {
    text: 'whats scheduled next week',
    reply: /next week \(Monday 30 November to Sunday 6 December\): 15 runs of 2 agents/,
  },
  {
    text: 'is anything scheduled today?',
    reply: /Nothing is scheduled for the rest of today \(Tuesday 24 November\)/,
  },
  { text: 'what will run tomorrow', reply: /tomorrow \(Wednesday 25 November\): 2 runs/ },
  // What failed, with each failure's error in words.
  {
    text: 'anything broken?',
    reply:
      /^8 agents failed in the last 7 days \(since Wednesday 18 November\) or on their last run:.*"Weekly Report": 1 of 1 run failed.*ECONNRESET.*"Job Collector": its last run failed.*matches nothing.*"Reporter".*Wrong password/s,
  },
  {
    text: 'what failed recently',
    reply:
      /^7 agents failed in the last 7 days.*"example\.com Price Monitor": 1 of 6 runs failed.*503 Service Unavailable/s,
  },
  {
    text: 'any errors this week',
    reply:
      /^3 agents failed this week \(since Monday 23 November\):.*"Data Collector": 1 of 1 run failed.*no connected account "sheets"/s,
  },
  { text: 'is anything failing?', reply: /^8 agents failed/ },
  {
    text: 'which agents failed today',
    reply: /^2 agents failed today:\n- "Monthly Report".*404 Not Found”\n- "Data Collector"/s,
  },
  {
    text: 'any problems with the lead scraper this week?',
    reply:
      /"Lead Scraper" had no failures this week \(since Monday 23 November\) \(2 runs, 2 succeeded \(100%\)/,
  },
  {
    text: 'is the job collector broken',
    reply:
      /"Job Collector" failed 2 of 5 runs in the last 30 days.*Tuesday 10 November at 10:00.*Saturday 7 November at 10:00.*matches nothing/s,
  },
  {
    text: 'did the weekly report fail this week?',
    reply: /"Weekly Report" failed 1 of 1 run this week.*ECONNRESET/s,
  },
  // What it cost: tokens, runs, run time; and success rates.
  {
    text: 'how much did the weekly report cost this week',
    reply:
      /"Weekly Report" this week \(since Monday 23 November\): 1 run, 800 tokens and 6 s of run time; 0 of 1 succeeded \(0%\)/,
  },
  {
    text: 'how much did the weekly report cost this month',
    reply: /4 runs, 36,100 tokens and 4 min 39 s of run time; 3 of 4 succeeded \(75%\)/,
  },
  {
    text: 'how many tokens did the lead scraper use this week',
    reply: /"Lead Scraper" this week.*: 2 runs, 2,900 tokens and 22 s of run time/,
  },
  {
    text: 'how much did the lead scrapr cost this month',
    reply:
      /"Lead Scraper" this month.*: 7 runs, 8,000 tokens and 1 min 5 s of run time; 6 of 7 succeeded \(86%\)/,
  },
  { text: 'what did the monthly report cost last month', reply: /"Monthly Report" did not run last month/ },
  {
    text: 'how much did the weekly report cost last month',
    reply:
      /last month \(Thursday 1 October to Saturday 31 October\): 1 run, 11,000 tokens and 1 min 31 s of run time/,
  },
  {
    text: 'how much did everything cost this week',
    reply:
      /All agents this week \(since Monday 23 November\): 11 runs, 8 succeeded \(73%\), 3 failed, 9,500 tokens, 1 min 25 s of run time/,
  },
  {
    text: 'how long does the weekly report take',
    reply:
      /5 runs, 47,100 tokens and 6 min 10 s of run time; 4 of 5 succeeded \(80%\)\. On average a run took 1 min 14 s and 9,420 tokens/,
  },
  {
    text: 'whats the cost of the data collector this week',
    reply: /"Data Collector" this week.*: 1 run, 0 tokens and 1 s of run time; 0 of 1 succeeded \(0%\)/,
  },
  {
    text: 'success rate of the job collector',
    reply:
      /"Job Collector" succeeded 3 of 5 runs in the last 30 days \(since Monday 26 October\): a success rate of 60% and failed 2/,
  },
  { text: 'how reliable is the price monitor', reply: /succeeded 5 of 6 runs.*83%/ },
  {
    text: 'what are the success rates this month',
    reply:
      /Success rates this month.*lowest first:\n- "Reporting Agent \(old\)": 0% \(0 of 1 run\)\n- "Data Collector": 0% \(0 of 1 run\)/s,
  },
  // How the workspace is set up: what is paused, connected, chained, in which time zone, where
  // results go, what never worked, what uses the most, what uses the browser. Lists name only theirs.
  {
    text: 'is anything paused?',
    reply: /^1 of 9 agents is paused:\n- "Job Collector" \(its last run failed\)\nSay "resume/,
  },
  {
    text: 'is the job collector paused',
    reply: /^Yes, "Job Collector" is paused: it does not run until resumed/,
  },
  {
    text: 'is the weekly report disabled?',
    reply: /^No, "Weekly Report" is active, not paused\. Its schedule \(At 08:00 AM, only on Monday/,
  },
  { text: 'r any of my agents on hold rn', reply: /^1 of 9 agents is paused:\n- "Job Collector"/ },
  {
    text: 'what accounts have i got connected',
    reply:
      /^2 accounts are connected \(1 failing\):\n- "supplier-portal": login, working.*used by "Reporter"\n- "crm": OAuth 2 authorization, failing.*used by "Reporting Agent \(old\)"/s,
  },
  {
    text: 'which logins do i have saved?',
    reply: /"supplier-portal": login, working, the default, for portal\.example\.com/,
  },
  {
    text: "what's chained to the lead scraper",
    reply:
      /^Chains of "Lead Scraper": 1 after it, 0 before it\.\n- "Reporting Agent" runs after "Lead Scraper" succeeds/,
  },
  {
    text: 'so what runs after the lead scrapper finishes',
    reply: /"Reporting Agent" runs after "Lead Scraper" succeeds/,
  },
  // What starts an agent: its schedule, webhooks and the chains into it, else only by hand.
  {
    text: 'what triggers the reporting agent',
    reply:
      /^"Reporting Agent" is started by one thing.*\n- a chain: it runs after "Lead Scraper" succeeds\nIts last 2 runs were started by a chain/s,
  },
  {
    text: 'how does the old reporting agent get kicked off?',
    reply:
      /^"Reporting Agent \(old\)" is started by one thing.*\n- a webhook, “crm deal closed”, signed: last called Saturday 21 November/s,
  },
  {
    text: 'what sets off the weekly report',
    reply:
      /^"Weekly Report" is started by one thing.*\n- its schedule: at 08:00 AM, only on Monday \(Europe\/Berlin\)\nIts last 5 runs were started by its schedule/s,
  },
  {
    text: 'does anything start the lead scraper automatically?',
    reply:
      /^Nothing starts "Lead Scraper" on its own: it has no schedule, no webhook and no chain into it, so it runs only when started by hand or from the chat\. Its last 5 runs were started by hand \(4\), from the chat \(1\)/,
  },
  {
    text: 'who triggers the job collector',
    reply: /^Nothing starts "Job Collector" on its own.*It is paused: it does not run until you resume it\./,
  },
  {
    text: 'hey quick q, what tz are my schedules in',
    reply: /^All 2 schedules run in Europe\/Berlin:.*Your time zone is Europe\/Berlin/s,
  },
  {
    text: 'what webhooks do i have',
    reply:
      /^No agent posts its results to a webhook\.\n1 agent is started by a webhook:\n- "Reporting Agent \(old\)" \(1 hook: “crm deal closed”, signed, last called Saturday 21 November at 13:00; its last run from a webhook Saturday 21 November at 13:00 failed\)/,
  },
  {
    text: 'does anything get triggered by a webhook?',
    reply: /^1 agent is started by a webhook:\n- "Reporting Agent \(old\)"/,
  },
  {
    text: 'which agents are kicked off by hooks',
    reply: /^1 agent is started by a webhook:\n- "Reporting Agent \(old\)"/,
  },
  {
    text: 'which agents have never succeeded',
    reply:
      /^2 agents never succeeded since .*:\n- "Reporting Agent \(old\)": 0 of 1 run succeeded.*\n- "Data Collector": 0 of 1 run succeeded/s,
  },
  {
    text: 'whats using up all my credits',
    reply: /^Orca has no credits yet.*The most: "Weekly Report" \(5 runs.*47,100 tokens/s,
  },
  {
    text: 'which agent costs the most this month?',
    reply: /^The most: "Weekly Report" \(4 runs.*36,100 tokens/s,
  },
  {
    text: 'which of my agents log into a portal',
    reply:
      /^1 of 9 agents use the browser.*\n- "Reporter": login \(browser\.login\) with the account "supplier-portal"$/s,
  },
  { text: 'do any agents send emails?', reply: /^None of the 9 agents send e-mail\.$/ },
  // What an agent does: its goal, its steps in words, its schedule and chains.
  {
    text: 'what does the lead scraper do',
    reply:
      /"Lead Scraper" \(version 1\): The Lead Scraper\. It has 2 steps:\n1\. fetch: fetches https:\/\/example\.com\/team\n2\. extract: extracts the records marked `\.lead`\nIt has no schedule\. Chains: when it succeeds, "Reporting Agent" starts with its output/,
  },
  {
    text: 'what does the reporter do?',
    reply: /1\. login: signs in to https:\/\/portal\.example\.com\/login with the account "supplier-portal"/,
  },
  {
    text: 'tell me about the weekly report',
    reply: /It runs at 08:00 AM, only on Monday \(Europe\/Berlin\)/,
  },
  { text: 'explain the reporting agent', reply: /it starts after "Lead Scraper" succeeds/ },
  { text: 'what is the job collector for?', reply: /"Job Collector".*It is paused/s },
  { text: 'what does the report do', question: 'agent' },
  // An agent at a glance, its last good run, and what runs next.
  {
    text: 'whats the status of the reporter',
    reply:
      /^"Reporter" is active \(version 1\)\. Its last run: Sunday 22 November at 19:00, started by hand: failed .*It is not working right now/s,
  },
  {
    text: 'is the lead scraper working?',
    reply:
      /^"Lead Scraper" is active \(version 1\)\. Its last run: today at 09:00, started by hand: succeeded/,
  },
  { text: 'how is the job collector looking', reply: /^"Job Collector" is paused/ },
  {
    text: "what's the status",
    reply: /^9 agents: 8 active, 1 paused\.\nLast run failed: "Weekly Report", "Monthly Report"/,
  },
  {
    text: 'when did the lead scraper last succeed',
    reply:
      /^"Lead Scraper" last succeeded today at 09:00, started by hand, in 12 s, 1,500 tokens\. That is its latest run\.$/,
  },
  {
    text: 'when was the last good run of the monthly report?',
    reply: /^"Monthly Report" last succeeded Sunday 1 November at 07:00.*Since then: failed\.$/,
  },
  {
    text: 'when did the data collector last work',
    reply: /^"Data Collector" has not succeeded since .*every run of it failed/,
  },
  {
    text: "what's next",
    reply: /^Next to run is "example\.com Price Monitor", tomorrow at 06:00\. The next 5 runs:/,
  },
  { text: 'what runs next?', reply: /^Next to run is "example\.com Price Monitor"/ },
  // Which agents an account serves.
  {
    text: 'which agents use the crm account',
    reply: /^- "crm" \(OAuth 2 authorization, failing\): used by "Reporting Agent \(old\)"$/,
  },
  {
    text: 'what uses the supplier-portal login?',
    reply: /^- "supplier-portal" \(login, working\): used by "Reporter"$/,
  },
  {
    text: 'which accounts are used by my agents',
    reply: /"sheets" \(not connected\): used by "Data Collector"/,
  },
  // What the Orchestrator can do, with this workspace's agents as examples.
  {
    text: 'what can you do?',
    reply: /^I build and run agents .*With your agents: "run Lead Scraper every weekday at 8am"/s,
  },
  { text: 'help', reply: /^I build and run agents/ },
  { text: 'hmm how does this work', reply: /^I build and run agents/ },
  // A run going is stopped on its page: "cancel the running X" never runs X.
  {
    text: 'cancel the running lead scraper',
    reply:
      /^"Lead Scraper" has no run going \(its last run succeeded today at 09:\d\d\), so there is nothing to stop/,
  },
  { text: 'stop the current run of the reporter', reply: /^"Reporter" has no run going/ },
  // Agents ranked: by tokens (the cost), by how long a run takes, by how often they ran.
  {
    text: 'which of my agents burns through the most tokens?',
    reply: /^The most: "Weekly Report" \(5 runs.*47,100 tokens/s,
  },
  {
    text: 'which bot takes the longest',
    reply:
      /^The slowest: "Weekly Report", 1 min 14 s a run on average in the last 30 days.*\n- "Monthly Report": 1 min 1 s a run on average \(2 runs/s,
  },
  {
    text: "what's my quickest agent this week?",
    reply: /^The quickest: "Monthly Report", 1 s a run on average this week/,
  },
  {
    text: 'which agent runs most often',
    reply:
      /^The most run: "Lead Scraper", 7 runs in the last 30 days.*\n- "example\.com Price Monitor": 6 runs/s,
  },
  // A question scoped to the newest runs: those runs' figures, not a period's.
  {
    text: 'how many tokens did the monthly report burn on its latest run?',
    reply: /^The last run of "Monthly Report" used 0 tokens and 1 s of run time: today at 07:30/,
  },
  {
    text: 'what did the lead scrapers last 3 runs cost',
    reply:
      /^The last 3 runs of "Lead Scraper" used 3,100 tokens and 25 s of run time, newest first:\n- today at 09:00/,
  },
  {
    text: 'how long did the reporting agent take the last time it ran',
    reply: /^The last run of "Reporting Agent" used .* tokens and .* of run time: today at 09:01, by a chain/,
  },
  // "Has X failed lately": its failures, never a new agent because its name holds "monitor".
  {
    text: 'has the price monitor had any failures lately?',
    reply: /"example\.com Price Monitor" failed 1 of 6 runs in the last 7 days.*503 Service Unavailable/s,
  },
  {
    text: 'have any agents errored this week',
    reply: /failed this week \(since Monday 23 November\)/,
  },
  {
    text: 'has the price monitor noticed anything?',
    reply: /"example\.com Price Monitor"/,
  },
  // What an agent works on: its steps and addresses, never a new agent because its name holds "monitor".
  {
    text: 'which url is the lead scraper on?',
    reply: /^"Lead Scraper" \(version 1\).*fetches https:\/\/example\.com\/team/s,
  },
  {
    text: 'what does the price monitor keep an eye on',
    reply: /^"example\.com Price Monitor" \(version 1\).*fetches https:\/\/example\.com\/pricing/s,
  },
  { text: 'where does the weekly report fetch from', reply: /fetches https:\/\/example\.com\/team/ },
  {
    text: 'which ones are on a schedule?',
    reply: /^2 agents run on a schedule:\n- "example\.com Price Monitor".*\n- "Weekly Report"/,
  },
  // Which agents fail the most: the success rates, lowest first.
  {
    text: 'which agent fails the most',
    reply: /^Success rates in the last 30 days .*lowest first:\n- "Reporting Agent \(old\)": 0%/s,
  },
  { text: "what's my least reliable agent?", reply: /^Success rates .*lowest first/s },
  // What an agent's last good run got (read from the run when the workspace can be read).
  {
    text: 'what did the lead scraper get last time',
    reply: /^The last run of "Lead Scraper" that succeeded finished today at 09:00\./,
  },
  {
    text: 'show me the results of the weekly report',
    reply:
      /^The last run of "Weekly Report" that succeeded finished Monday 16 November.*newest run since then failed/s,
  },
  {
    text: 'what did the data collector collect?',
    reply: /^"Data Collector" has no finished run with results to show\. Its last run failed/,
  },
  {
    text: 'did the price monitor find any changes today',
    reply: /^The last run of "example\.com Price Monitor" that succeeded/,
  },
  // What ran, and whether one agent is on a schedule.
  { text: 'what ran yesterday?', reply: /^4 agents ran yesterday:/ },
  { text: 'which ones ran today', reply: /^5 agents ran today:/ },
  { text: 'is the monthly report scheduled?', reply: /^No: "Monthly Report" has no schedule/ },
  {
    text: 'is the weekly report on a schedule',
    reply: /^Yes: "Weekly Report" runs at 08:00 AM, only on Monday/,
  },
  { text: 'does the job collector run automatically?', reply: /^No: "Job Collector" has no schedule/ },
  // Whether an agent does something: found by what it does, not only by its name.
  {
    text: 'is there an agent that watches prices?',
    reply: /^Yes, one agent does \("watches prices"\):\n- "example\.com Price Monitor"/,
  },
  {
    text: 'which agent collects the leads',
    reply: /^Yes, one agent does .*\n- "Lead Scraper": The Lead Scraper$/s,
  },
  {
    text: 'do we have a bot for job listings',
    reply: /^Yes, one agent does .*"Job Collector".*\(paused\)$/s,
  },
  { text: 'is there something that emails me reports', reply: /^No agent here does that/ },
  { text: 'do i have anything that scrapes linkedin', reply: /^No agent here does that/ },
  // What an agent is made of, asked for as its spec, steps or config.
  {
    text: 'can you show me the weekly report spec',
    reply: /^"Weekly Report" \(version 1\).*It has 2 steps/s,
  },
  { text: "what's the reporter's config", reply: /^"Reporter" \(version 1\).*1\. login: signs in/s },
  // Chat spellings of the question words.
  { text: 'whats broken', reply: /^8 agents failed in the last 7 days.*"Reporter"/s },
  { text: 'wat failed this week', reply: /failed this week.*"Weekly Report"/s },
  // The days schedules fire on: the weekend, a weekday, weekdays; one agent or all.
  {
    text: 'does anything run at the weekend?',
    reply:
      /^1 agent runs at the weekend:\n- "example\.com Price Monitor" on Saturdays and Sundays at 06:00 and 10:00$/,
  },
  {
    text: 'which agents run on mondays',
    reply:
      /^2 agents run on Mondays:\n- "example\.com Price Monitor" on Mondays at 06:00 and 10:00\n- "Weekly Report" on Mondays at 08:00/,
  },
  { text: 'is anything scheduled on sat or sun', reply: /^1 agent runs at the weekend/ },
  {
    text: 'does the weekly report run on fridays?',
    reply: /^No: "Weekly Report" does not run on Fridays; it runs at 08:00 AM, only on Monday/,
  },
  {
    text: 'will the price monitor go off on sundays',
    reply: /^Yes: "example\.com Price Monitor" runs on Sundays at 06:00 and 10:00\.$/,
  },
  {
    text: 'what runs on weekdays',
    reply:
      /^2 agents run on weekdays:\n- "example\.com Price Monitor" every weekday at 06:00 and 10:00\n- "Weekly Report" on Mondays at 08:00/,
  },
  // A day of the week in the past: its latest one.
  { text: 'did anything run on monday', reply: /^4 agents ran on Monday 23 November:/ },
  {
    text: 'did the lead scraper run on friday?',
    reply: /^Yes, "Lead Scraper" ran once on Friday 20 November \(it failed\)/,
  },
  // The agents that never failed, and the agents webhooks start.
  {
    text: 'which agents have never failed',
    reply:
      /^1 agent never failed since .*:\n- "Reporting Agent": all 2 runs succeeded\nThe other 8 agents failed at least once/,
  },
  { text: 'anything that always works?', reply: /^1 agent never failed/ },
  { text: 'which ones ran without any errors', reply: /^1 agent never failed/ },
];
