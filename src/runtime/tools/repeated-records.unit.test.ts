// html.extract's records { find: 'repeated' } on pages of the kinds agents are asked to read: each
// page has the list a person wants and the frame around it (menus, footers, sidebars, cookie
// banners, pagination) that must not be taken for it. Every test also gives the selector found
// back to html.extract's { selector, fields } mode, which must read the same records: the
// selector is what a user pins the step to.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { toolContext } from '../../../test/support/tool-context.ts';
import { ToolError } from '../tool-error.ts';
import { type FieldSpec, htmlExtractTool } from './html-extract.ts';
import { isGeneratedName, stableClasses } from './repeated-records/element-signature.ts';
import { FieldNames } from './repeated-records/field-names.ts';
import { findRepeatedRecords } from './repeated-records.ts';

const run = (input: Record<string, unknown>) =>
  htmlExtractTool.run(htmlExtractTool.input.parse(input), toolContext());

/** Finds the records, then reads them again by the selector found: both must agree. */
async function findAndPin(
  html: string,
  baseUrl: string,
  fields: string[],
  pinned: Record<string, FieldSpec | string>,
) {
  const found = await run({ html, baseUrl, records: { find: 'repeated', fields } });
  expect(found.selector, 'a selector for the records').toBeTypeOf('string');
  const again = await run({ html, baseUrl, records: { selector: found.selector, fields: pinned } });
  const names = Object.keys(pinned);
  const projected = (found.records ?? []).map((record) =>
    Object.fromEntries(names.map((name) => [name, record[name]])),
  );
  expect(again.records).toEqual(projected);
  return found;
}

const link = (selector: string): FieldSpec => ({ selector, attribute: 'href' });

const jobBoard = `<!doctype html>
<html lang="en"><head><title>Remote jobs | Hireboard</title><link rel="stylesheet" href="/app.css"></head>
<body class="page has-sidebar nav-collapsed">
<header class="site-header">
  <a class="logo" href="/">Hireboard</a>
  <nav class="main-nav" aria-label="Main">
    <ul class="menu">
      <li class="menu-item"><a href="/jobs">Find jobs</a>
        <p class="menu-description">Browse twelve thousand remote jobs in engineering, design and sales.</p>
        <ul class="sub-menu">
          <li class="menu-item"><a href="/jobs/engineering">Engineering jobs</a></li>
          <li class="menu-item"><a href="/jobs/design">Design jobs</a></li>
          <li class="menu-item"><a href="/jobs/marketing">Marketing jobs</a></li>
          <li class="menu-item"><a href="/jobs/sales">Sales jobs</a></li>
        </ul>
      </li>
      <li class="menu-item"><a href="/companies">Companies</a>
        <p class="menu-description">See who is hiring, how they work and what their teams say about them.</p></li>
      <li class="menu-item"><a href="/salaries">Salaries</a>
        <p class="menu-description">Compare salaries by role, country and level of experience, updated monthly.</p></li>
      <li class="menu-item"><a href="/remote-guides">Remote work guides</a>
        <p class="menu-description">Taxes, contracts, time zones: what to know before you work from anywhere.</p></li>
      <li class="menu-item"><a href="/blog">Blog</a>
        <p class="menu-description">Stories from remote teams, hiring advice and news about the job market.</p></li>
      <li class="menu-item"><a href="/pricing">Post a job</a>
        <p class="menu-description">Reach two million remote workers a month from one hundred dollars a post.</p></li>
      <li class="menu-item"><a href="/alerts">Job alerts</a>
        <p class="menu-description">Get the jobs that match your search by e-mail, once a day or once a week.</p></li>
      <li class="menu-item current"><a href="/login">Sign in</a>
        <p class="menu-description">Save jobs, follow companies and apply with one profile for every job.</p></li>
    </ul>
  </nav>
</header>
<main id="content">
  <h1>Remote engineering jobs</h1>
  <p class="lead">128 jobs, updated every hour.</p>
  <ul class="job-list">
    <li class="job">
      <div class="job-card">
        <h2 class="job-title"><a href="/jobs/101-backend-engineer">Backend Engineer</a></h2>
        <div class="meta"><span class="company-name">Acme Corp</span> · <span class="job-location">Berlin, Germany</span></div>
        <time datetime="2026-01-12">2 days ago</time>
        <ul class="tags"><li>Go</li><li>PostgreSQL</li></ul>
      </div>
    </li>
    <li class="job featured">
      <div class="job-card">
        <h2 class="job-title"><a href="/jobs/102-frontend-developer">Frontend Developer</a></h2>
        <div class="meta"><span class="company-name">Globex</span> · <span class="job-location">Remote (EU)</span></div>
        <time datetime="2026-01-11">3 days ago</time>
        <ul class="tags"><li>TypeScript</li><li>React</li></ul>
      </div>
    </li>
    <li class="job">
      <div class="job-card">
        <h2 class="job-title"><a href="/jobs/103-site-reliability-engineer">Site Reliability Engineer</a></h2>
        <div class="meta"><span class="company-name">Initech</span> · <span class="job-location">Lisbon, Portugal</span></div>
        <time datetime="2026-01-10">4 days ago</time>
        <ul class="tags"><li>Kubernetes</li></ul>
      </div>
    </li>
    <li class="job">
      <div class="job-card">
        <h2 class="job-title"><a href="/jobs/104-data-engineer">Data Engineer</a></h2>
        <div class="meta"><span class="company-name">Umbrella</span> · <span class="job-location">Remote (US)</span></div>
        <time datetime="2026-01-09">5 days ago</time>
        <ul class="tags"><li>Python</li><li>Spark</li></ul>
      </div>
    </li>
    <li class="job">
      <div class="job-card">
        <h2 class="job-title"><a href="/jobs/105-engineering-manager">Engineering Manager</a></h2>
        <div class="meta"><span class="company-name">Hooli</span> · <span class="job-location">Dublin, Ireland</span></div>
        <time datetime="2026-01-08">6 days ago</time>
        <ul class="tags"><li>Leadership</li></ul>
      </div>
    </li>
  </ul>
</main>
<footer class="site-footer">
  <div class="footer-columns">
    <div class="column"><h4>Hireboard</h4><ul>
      <li><a href="/about">About us</a></li><li><a href="/press">Press</a></li><li><a href="/careers">Careers</a></li>
      <li><a href="/contact">Contact</a></li></ul></div>
    <div class="column"><h4>Job seekers</h4><ul>
      <li><a href="/jobs">Browse jobs</a></li><li><a href="/alerts">Job alerts</a></li><li><a href="/salaries">Salary guide</a></li>
      <li><a href="/remote-guides">Remote work guides</a></li></ul></div>
    <div class="column"><h4>Employers</h4><ul>
      <li><a href="/pricing">Post a job</a></li><li><a href="/employers">Employer branding</a></li>
      <li><a href="/api">Jobs API</a></li><li><a href="/partners">Partners</a></li></ul></div>
    <div class="column"><h4>Legal</h4><ul>
      <li><a href="/terms">Terms of service</a></li><li><a href="/privacy">Privacy policy</a></li>
      <li><a href="/cookies">Cookie settings</a></li><li><a href="/imprint">Imprint</a></li></ul></div>
  </div>
  <p>© 2026 Hireboard GmbH</p>
</footer>
<script>window.analytics = { page: "jobs" };</script>
</body></html>`;

const productGrid = `<!doctype html>
<html><head><title>Kitchen | Homestore</title></head><body>
<div class="topbar"><a href="/help">Help</a><a href="/stores">Stores</a><a href="/account">My account</a></div>
<div class="container">
  <aside class="filters">
    <h3>Categories</h3>
    <ul>
      <li><a href="/c/kettles">Kettles</a></li><li><a href="/c/toasters">Toasters</a></li>
      <li><a href="/c/pans">Pans</a></li><li><a href="/c/knives">Knives</a></li>
      <li><a href="/c/storage">Storage</a></li><li><a href="/c/textiles">Textiles</a></li>
    </ul>
  </aside>
  <section class="catalog">
    <div class="row">
      <div class="col-md-4"><div class="card product">
        <a href="/p/steel-kettle"><img src="/img/steel-kettle.jpg" alt="Steel kettle"></a>
        <div class="card-body"><h3 class="card-title">Steel Kettle 1.7 l</h3>
          <p class="price">€39.00</p><a class="btn" href="/cart/add?sku=K17">Add to cart</a></div>
      </div></div>
      <div class="col-md-4"><div class="card product">
        <a href="/p/glass-kettle"><img src="/img/glass-kettle.jpg" alt="Glass kettle"></a>
        <div class="card-body"><h3 class="card-title">Glass Kettle</h3>
          <p class="price">€45.50</p><a class="btn" href="/cart/add?sku=G10">Add to cart</a></div>
      </div></div>
      <div class="col-md-4"><div class="card product">
        <a href="/p/two-slice-toaster"><img src="/img/toaster.jpg" alt="Toaster"></a>
        <div class="card-body"><h3 class="card-title">Two-slice Toaster</h3>
          <p class="price">€29.99</p><a class="btn" href="/cart/add?sku=T2">Add to cart</a></div>
      </div></div>
    </div>
    <div class="row">
      <div class="col-md-4"><div class="card product">
        <a href="/p/cast-iron-pan"><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/img/pan.jpg" alt="Pan"></a>
        <div class="card-body"><h3 class="card-title">Cast Iron Pan 28 cm</h3>
          <p class="price">€59.00</p><a class="btn" href="/cart/add?sku=P28">Add to cart</a></div>
      </div></div>
      <div class="col-md-4"><div class="card product">
        <a href="/p/chef-knife"><img src="/img/knife.jpg" alt="Knife"></a>
        <div class="card-body"><h3 class="card-title">Chef's Knife</h3>
          <p class="price">€74.00</p><a class="btn" href="/cart/add?sku=CK">Add to cart</a></div>
      </div></div>
    </div>
  </section>
</div>
</body></html>`;

const teamPage = `<!doctype html>
<html><head><title>Our team</title></head><body>
<nav role="navigation"><a href="/">Home</a> <a href="/product">Product</a> <a href="/team">Team</a> <a href="/jobs">Jobs</a></nav>
<h1>The people behind Lumen</h1>
<p>We are a small team spread over four countries.</p>
<section class="team">
  <div class="person">
    <img class="photo" src="https://cdn.lumen.example/people/ada.jpg" alt="">
    <h3>Ada Lovelace</h3>
    <p aria-label="Role">Chief Executive Officer</p>
    <p class="bio">Wrote the first program, now writes our roadmap.</p>
    <a class="email" href="mailto:ada@lumen.example">ada@lumen.example</a>
  </div>
  <div class="person">
    <img class="photo" src="/people/grace.jpg" alt="">
    <h3>Grace Hopper</h3>
    <p aria-label="Role">Chief Technology Officer</p>
    <p class="bio">Compilers, debugging and very short nanoseconds.</p>
    <a class="email" href="mailto:grace@lumen.example">grace@lumen.example</a>
  </div>
  <div class="person">
    <img class="photo" src="/people/katherine.jpg" alt="">
    <h3>Katherine Johnson</h3>
    <p aria-label="Role">Head of Data</p>
    <p class="bio">Checks every number twice.</p>
  </div>
  <div class="person">
    <img class="photo" src="/people/alan.jpg" alt="">
    <h3>Alan Turing</h3>
    <p aria-label="Role">Research Engineer</p>
    <p class="bio">Thinks about what machines can think.</p>
    <a class="email" href="mailto:alan@lumen.example">alan@lumen.example</a>
  </div>
</section>
<footer><a href="/imprint">Imprint</a> <a href="/privacy">Privacy</a> <a href="/press">Press</a></footer>
</body></html>`;

const resultsTable = `<!doctype html>
<html><head><title>Results: City Marathon 2026</title></head><body>
<div class="breadcrumbs"><ol><li><a href="/">Home</a></li><li><a href="/events">Events</a></li><li><a href="/events/city-marathon">City Marathon</a></li></ol></div>
<h1>City Marathon 2026: results</h1>
<table class="results">
  <tr><th>Rank</th><th>Name</th><th>Club</th><th>Time</th></tr>
  <tr><td>1</td><td><a href="/runners/4411">Ada Lovelace</a></td><td>London AC</td><td>2:31:07</td></tr>
  <tr class="odd"><td>2</td><td><a href="/runners/2093">Grace Hopper</a></td><td>Navy Runners</td><td>2:33:40</td></tr>
  <tr><td>3</td><td><a href="/runners/1877">Emmy Noether</a></td><td>Erlangen LV</td><td>2:35:12</td></tr>
  <tr class="odd"><td>4</td><td><a href="/runners/3120">Lise Meitner</a></td><td></td><td>2:36:58</td></tr>
  <tr><td>5</td><td><a href="/runners/5012">Marie Curie</a></td><td>Paris UC</td><td>2:38:01</td></tr>
</table>
<h2>Other races this season</h2>
<ul class="races">
  <li><a href="/events/harbour-10k">Harbour 10K</a>, 12 April, 1,450 finishers</li>
  <li><a href="/events/spring-half">Spring Half Marathon</a>, 3 May, 2,310 finishers</li>
  <li><a href="/events/night-5k">Night 5K</a>, 20 June, 880 finishers</li>
  <li><a href="/events/trail-25k">Forest Trail 25K</a>, 11 July, 412 finishers</li>
  <li><a href="/events/river-relay">River Relay</a>, 6 September, 96 teams</li>
  <li><a href="/events/winter-10-miles">Winter Ten Miles</a>, 6 December, 1,120 finishers</li>
</ul>
<h2>Course records</h2>
<table class="records"><tr><td>Women</td><td>2:19:44</td></tr><tr><td>Men</td><td>2:05:10</td></tr></table>
</body></html>`;

const blogIndex = `<!doctype html>
<html><head><title>Engineering blog</title></head><body>
<header><a href="/">Example Engineering</a><nav><a href="/blog">Blog</a><a href="/talks">Talks</a><a href="/about">About</a></nav></header>
<div class="layout">
  <main>
    <article class="post">
      <header><h2><a href="/blog/2026/queues">Queues without a queue server</a></h2>
        <time datetime="2026-02-03">3 February 2026</time></header>
      <p class="excerpt">How we moved our job queue into PostgreSQL and stopped paging people at night.</p>
      <span class="byline">by <a class="author" href="/authors/grace">Grace Hopper</a></span>
      <a class="read-more" href="/blog/2026/queues">Read more</a>
    </article>
    <article class="post">
      <header><h2><a href="/blog/2026/flaky-tests">Flaky tests are bugs</a></h2>
        <time datetime="2026-01-20">20 January 2026</time></header>
      <p class="excerpt">Every test that fails now and then is telling you something about your code.</p>
      <span class="byline">by <a class="author" href="/authors/ada">Ada Lovelace</a></span>
      <a class="read-more" href="/blog/2026/flaky-tests">Read more</a>
    </article>
    <article class="post">
      <header><h2><a href="/blog/2025/small-files">Small files, full words</a></h2>
        <time datetime="2025-12-15">15 December 2025</time></header>
      <p class="excerpt">A style guide in two rules, and why we keep to it.</p>
      <span class="byline">by <a class="author" href="/authors/alan">Alan Turing</a></span>
      <a class="read-more" href="/blog/2025/small-files">Read more</a>
    </article>
    <div class="topics"><h3>Browse by topic</h3><ul>
      <li><a href="/topics/postgresql">postgresql</a></li>
      <li><a href="/topics/testing">testing</a></li>
      <li><a href="/topics/typescript">typescript</a></li>
      <li><a href="/topics/queues">queues</a></li>
      <li><a href="/topics/observability">observability</a></li>
      <li><a href="/topics/on-call">on call</a></li>
      <li><a href="/topics/hiring">hiring</a></li>
      <li><a href="/topics/style">style</a></li>
      <li><a href="/topics/security">security</a></li>
      <li><a href="/topics/performance">performance</a></li>
      <li><a href="/topics/databases">databases</a></li>
      <li><a href="/topics/frontend">frontend</a></li>
      <li><a href="/topics/backend">backend</a></li>
      <li><a href="/topics/migrations">migrations</a></li>
      <li><a href="/topics/incidents">incidents</a></li>
      <li><a href="/topics/tooling">tooling</a></li>
      <li><a href="/topics/api-design">api design</a></li>
      <li><a href="/topics/caching">caching</a></li>
      <li><a href="/topics/search">search</a></li>
      <li><a href="/topics/mobile">mobile</a></li>
      <li><a href="/topics/accessibility">accessibility</a></li>
      <li><a href="/topics/privacy">privacy</a></li>
      <li><a href="/topics/billing">billing</a></li>
      <li><a href="/topics/open-source">open source</a></li>
    </ul></div>
  </main>
  <aside class="sidebar">
    <h3>Popular</h3>
    <ul>
      <li><a href="/blog/2024/postgres-tips">Ten PostgreSQL tips</a></li>
      <li><a href="/blog/2024/typescript-5">What TypeScript 5 changed for us</a></li>
      <li><a href="/blog/2023/on-call">On call without burnout</a></li>
      <li><a href="/blog/2023/monorepo">Our monorepo, two years in</a></li>
    </ul>
    <h3>Tags</h3>
    <ul class="tag-cloud"><li><a href="/tags/postgres">postgres</a></li><li><a href="/tags/testing">testing</a></li>
      <li><a href="/tags/style">style</a></li><li><a href="/tags/ops">ops</a></li></ul>
  </aside>
</div>
</body></html>`;

const eventsWithMicrodata = `<!doctype html>
<html><head><title>What's on</title></head><body>
<h1>What's on in March</h1>
<div class="venues">
  <h2>Our venues</h2>
  <div class="venue"><h3><a href="/venues/hall">The Great Hall</a></h3><p>1 Market Square</p><p>A concert hall for 1,200 people, with its own organ.</p></div>
  <div class="venue"><h3><a href="/venues/studio">Studio Two</a></h3><p>14 Dock Road</p><p>A black-box studio for 180, for chamber music and theatre.</p></div>
  <div class="venue"><h3><a href="/venues/garden">The Garden Stage</a></h3><p>Riverside Park</p><p>An open-air stage for summer evenings by the river.</p></div>
  <div class="venue"><h3><a href="/venues/cellar">The Cellar</a></h3><p>3 Market Square</p><p>A jazz cellar with standing room for 90 people.</p></div>
  <div class="venue"><h3><a href="/venues/chapel">St Mary's Chapel</a></h3><p>Church Lane</p><p>A medieval chapel for choirs and early music.</p></div>
  <div class="venue"><h3><a href="/venues/foyer">The Foyer Bar</a></h3><p>1 Market Square</p><p>Free lunchtime concerts in the Great Hall's bar.</p></div>
</div>
<div class="listing">
  <div class="event" itemscope itemtype="https://schema.org/MusicEvent">
    <a itemprop="url" href="/events/string-quartet"><span itemprop="name">String Quartet Night</span></a>
    <meta itemprop="startDate" content="2026-03-04T19:30">Wed 4 March, 7:30 pm
    <div itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="name">Studio Two</span></div>
    <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="18.00">£18</span></div>
  </div>
  <div class="event sold-out" itemscope itemtype="https://schema.org/MusicEvent">
    <a itemprop="url" href="/events/big-band"><span itemprop="name">Big Band Saturday</span></a>
    <meta itemprop="startDate" content="2026-03-07T20:00">Sat 7 March, 8 pm
    <div itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="name">The Great Hall</span></div>
    <div itemprop="offers" itemscope itemtype="https://schema.org/Offer"><span itemprop="price" content="25.00">£25</span></div>
  </div>
  <div class="event" itemscope itemtype="https://schema.org/MusicEvent">
    <a itemprop="url" href="/events/organ"><span itemprop="name">Organ Recital</span></a>
    <meta itemprop="startDate" content="2026-03-12T18:00">Thu 12 March, 6 pm
    <div itemprop="location" itemscope itemtype="https://schema.org/Place"><span itemprop="name">The Great Hall</span></div>
  </div>
</div>
</body></html>`;

const searchWithCookieBanner = `<!doctype html>
<html><head><title>Search: solar panels</title></head><body>
<div id="cookie-banner" class="cookie-consent">
  <h2>We value your privacy</h2>
  <div class="cookie-category"><h4>Necessary</h4><p>These cookies keep the site working: your session, your basket and your security settings.</p><a href="/privacy#necessary">More about necessary cookies</a></div>
  <div class="cookie-category"><h4>Statistics</h4><p>These cookies tell us which pages are read and how people find their way around the site.</p><a href="/privacy#statistics">More about statistics cookies</a></div>
  <div class="cookie-category"><h4>Marketing</h4><p>These cookies let partners show you advertising that matches what you looked at here.</p><a href="/privacy#marketing">More about marketing cookies</a></div>
  <div class="cookie-category"><h4>Preferences</h4><p>These cookies remember your language, your region and how you like the results sorted.</p><a href="/privacy#preferences">More about preferences cookies</a></div>
  <div class="cookie-category"><h4>Social media</h4><p>These cookies let you share pages and show posts from social networks inside our pages.</p><a href="/privacy#social-media">More about social media cookies</a></div>
  <div class="cookie-category"><h4>Personalisation</h4><p>These cookies let us suggest searches and results from what you searched for before.</p><a href="/privacy#personalisation">More about personalisation cookies</a></div>
  <button>Accept all</button> <button>Reject all</button>
</div>
<form action="/search"><input name="q" value="solar panels"><button>Search</button></form>
<div id="results">
  <div class="result"><h3><a href="https://energy.example.org/guides/solar">A buyer's guide to solar panels</a></h3>
    <cite>energy.example.org</cite><p class="snippet">What to look for in panels, inverters and installers, with prices for 2026.</p></div>
  <div class="result"><h3><a href="https://www.example.com/solar-costs">How much do solar panels cost?</a></h3>
    <cite>www.example.com</cite><p class="snippet">Installed prices per kilowatt, and how long panels take to pay for themselves.</p></div>
  <div class="result"><h3><a href="https://diy.example.net/solar-roof">Putting solar panels on your own roof</a></h3>
    <cite>diy.example.net</cite><p class="snippet">A weekend project, if your roof faces the right way: tools, permits and pitfalls.</p></div>
  <div class="result"><h3><a href="/news/solar-subsidies">Solar subsidies in your region</a></h3>
    <cite>news.example.com</cite></div>
</div>
<ul class="pagination">
  <li class="disabled"><a href="/search?q=solar+panels&amp;page=0">Previous</a></li>
  <li class="active"><a href="/search?q=solar+panels&amp;page=1">1</a></li>
  <li><a href="/search?q=solar+panels&amp;page=2">2</a></li>
  <li><a href="/search?q=solar+panels&amp;page=3">3</a></li>
  <li><a href="/search?q=solar+panels&amp;page=4">4</a></li>
  <li><a href="/search?q=solar+panels&amp;page=2">Next</a></li>
</ul>
</body></html>`;

const careersPage = `<!doctype html>
<html><head><title>Careers in climate tech</title></head><body>
<h1>Work on the climate</h1>
<section class="employers">
  <h2>Featured employers</h2>
  <div class="card"><h3><a href="/employers/sunforge">Sunforge</a></h3><p class="industry">Solar manufacturing</p><p>Builds panels in Portugal; 420 people.</p></div>
  <div class="card"><h3><a href="/employers/tidewell">Tidewell</a></h3><p class="industry">Tidal energy</p><p>Turbines off the Scottish coast; 85 people.</p></div>
  <div class="card"><h3><a href="/employers/greengrid">GreenGrid</a></h3><p class="industry">Grid software</p><p>Balances wind and solar for utilities; 160 people.</p></div>
  <div class="card"><h3><a href="/employers/carbonless">Carbonless</a></h3><p class="industry">Carbon removal</p><p>Direct air capture in Iceland; 60 people.</p></div>
  <div class="card"><h3><a href="/employers/heatloop">Heatloop</a></h3><p class="industry">Heat pumps</p><p>Heat pumps for old houses; 230 people.</p></div>
</section>
<section class="openings">
  <h2>Open positions</h2>
  <div class="card"><h3><a href="/jobs/881">Battery Engineer</a></h3><p><span class="job-location">Porto</span> · <span class="salary">€70k–€85k</span></p></div>
  <div class="card"><h3><a href="/jobs/882">Data Scientist, Forecasting</a></h3><p><span class="job-location">Remote</span> · <span class="salary">€80k–€95k</span></p></div>
  <div class="card"><h3><a href="/jobs/883">Field Technician</a></h3><p><span class="job-location">Aberdeen</span> · <span class="salary">£38k</span></p></div>
</section>
</body></html>`;

const departmentsPage = `<!doctype html>
<html><head><title>Jobs at Northwind</title></head><body>
<header><a href="/">Northwind</a></header>
<div id="openings">
  <section class="department">
    <h2>Engineering</h2>
    <ul class="jobs">
      <li class="job"><h3><a href="https://boards.example/northwind/jobs/1">Staff Engineer, Payments</a></h3><span class="location">London</span></li>
      <li class="job"><h3><a href="https://boards.example/northwind/jobs/2">Mobile Engineer (iOS)</a></h3><span class="location">Remote, Europe</span></li>
      <li class="job"><h3><a href="https://boards.example/northwind/jobs/3">Security Engineer</a></h3><span class="location">Amsterdam</span></li>
    </ul>
  </section>
  <section class="department">
    <h2>Design</h2>
    <ul class="jobs">
      <li class="job"><h3><a href="https://boards.example/northwind/jobs/7">Product Designer</a></h3><span class="location">London</span></li>
    </ul>
  </section>
  <section class="department">
    <h2>Operations</h2>
    <ul class="jobs">
      <li class="job"><h3><a href="https://boards.example/northwind/jobs/9">Finance Manager</a></h3><span class="location">Dublin</span></li>
      <li class="job"><h3><a href="https://boards.example/northwind/jobs/11">Office Coordinator</a></h3><span class="location">London</span></li>
    </ul>
  </section>
</div>
</body></html>`;

const communityFeed = `<!doctype html>
<html><head><title>Home energy forum</title></head><body>
<h1>Latest discussions</h1>
<div class="feed">
  <div class="post"><h3><a href="/t/heat-pump-1930s">Which heat pump for a 1930s house?</a></h3><p>Solid walls, single glazing in the back. Air-to-water or ground source?</p><span>14 replies</span></div>
  <div class="promo"><h3><a href="https://ads.example/click?c=91">Save 30% on triple glazing</a></h3><p>Free survey and fitting in two weeks, anywhere in the country.</p><span>Sponsored</span></div>
  <div class="post"><h3><a href="/t/first-winter-solar">Our first winter with solar and a battery</a></h3><p>Numbers from November to February, and what we would do differently.</p><span>31 replies</span></div>
  <div class="post"><h3><a href="/t/loft-insulation">Insulating a loft: what we learned</a></h3><p>Mineral wool or sheep's wool, and how to keep the eaves ventilated.</p><span>9 replies</span></div>
  <div class="promo"><h3><a href="https://ads.example/click?c=92">Compare energy tariffs now</a></h3><p>Switch in five minutes and keep your meter readings, no calls needed.</p><span>Sponsored</span></div>
  <div class="post"><h3><a href="/t/smart-thermostat">Is a smart thermostat worth it?</a></h3><p>Two years of data from a three-bedroom terrace with a gas boiler.</p><span>22 replies</span></div>
</div>
</body></html>`;

const landingPage = `<!doctype html>
<html><head><title>Warmly: heat pumps</title></head><body>
<main>
  <section class="band">
    <h1>Heat pumps, without the hassle</h1>
    <p>We survey your home, size the pump, fit it and look after it for ten years, for a fixed price that we tell you before we start. Most homes are done in two days.</p>
    <a href="/quote">Get a quote</a>
  </section>
  <section class="band">
    <h2>Why Warmly</h2>
    <div class="features">
      <div class="feature"><h3>Surveyed in a day</h3><p>An engineer measures every room and tells you the size of pump your home needs.</p></div>
      <div class="feature"><h3>Fixed price</h3><p>The price we quote is the price you pay, grants taken off, with nothing added later.</p></div>
      <div class="feature"><h3>Ten years of care</h3><p>Servicing, parts and call-outs are included for ten years after the pump is fitted.</p></div>
    </div>
  </section>
  <section class="band">
    <h2>Questions</h2>
    <h3>Will a heat pump work in an old house?</h3><p>Almost always: we check the radiators and insulation in the survey and tell you what, if anything, should change first.</p>
    <h3>How loud is it?</h3><p>About as loud as a fridge from a metre away, and it sits outside, where we place it away from windows.</p>
    <h3>What about grants?</h3><p>We apply for the grants you can get and take them off the price; you never pay the full amount first.</p>
  </section>
  <section class="band">
    <h2>Talk to us</h2>
    <p>Call 0800 000 000 on weekdays from eight to eight, or write to hello@warmly.example and we answer within a day.</p>
  </section>
</main>
</body></html>`;

const productPage = `<!doctype html>
<html><head><title>Steel Kettle 1.7 l | Homestore</title></head><body>
<div class="product-detail">
  <h1>Steel Kettle 1.7 l</h1><img src="/img/steel-kettle.jpg" alt=""><p class="price">€39.00</p>
  <p>Brushed steel, boils a full jug in four minutes, with a filter that lifts out for cleaning.</p>
</div>
<h2>You may also like</h2>
<div class="related">
  <div class="tile"><a href="/p/glass-kettle"><img src="/img/glass-kettle.jpg" alt=""><span>Glass Kettle</span></a><span class="price">€45.50</span></div>
  <div class="tile"><a href="/p/two-slice-toaster"><img src="/img/toaster.jpg" alt=""><span>Two-slice Toaster</span></a><span class="price">€29.99</span></div>
  <div class="tile"><a href="/p/tea-infuser"><img src="/img/infuser.jpg" alt=""><span>Tea Infuser</span></a><span class="price">€9.00</span></div>
  <div class="tile"><a href="/p/mug-set"><img src="/img/mugs.jpg" alt=""><span>Set of 4 Mugs</span></a><span class="price">€22.00</span></div>
</div>
<div class="departments">
  <h2>Shop by department</h2>
  <div class="columns">
    <div class="column"><h4>Kitchen</h4><ul><li><a href="/c/kettles">Kettles</a></li><li><a href="/c/toasters">Toasters</a></li><li><a href="/c/pans">Pans</a></li><li><a href="/c/knives">Knives</a></li><li><a href="/c/storage">Storage</a></li><li><a href="/c/coffee">Coffee</a></li><li><a href="/c/blenders">Blenders</a></li><li><a href="/c/scales">Scales</a></li><li><a href="/c/bakeware">Bakeware</a></li><li><a href="/c/cutlery">Cutlery</a></li><li><a href="/c/glasses">Glasses</a></li><li><a href="/c/mugs">Mugs</a></li></ul></div>
    <div class="column"><h4>Living</h4><ul><li><a href="/c/sofas">Sofas</a></li><li><a href="/c/armchairs">Armchairs</a></li><li><a href="/c/rugs">Rugs</a></li><li><a href="/c/lamps">Lamps</a></li><li><a href="/c/shelves">Shelves</a></li><li><a href="/c/cushions">Cushions</a></li><li><a href="/c/throws">Throws</a></li><li><a href="/c/mirrors">Mirrors</a></li><li><a href="/c/clocks">Clocks</a></li><li><a href="/c/frames">Frames</a></li><li><a href="/c/plants">Plants</a></li><li><a href="/c/vases">Vases</a></li></ul></div>
    <div class="column"><h4>Bedroom</h4><ul><li><a href="/c/beds">Beds</a></li><li><a href="/c/mattresses">Mattresses</a></li><li><a href="/c/pillows">Pillows</a></li><li><a href="/c/duvets">Duvets</a></li><li><a href="/c/sheets">Sheets</a></li><li><a href="/c/wardrobes">Wardrobes</a></li><li><a href="/c/dressers">Dressers</a></li><li><a href="/c/blinds">Blinds</a></li><li><a href="/c/curtains">Curtains</a></li><li><a href="/c/nightstands">Nightstands</a></li><li><a href="/c/hangers">Hangers</a></li><li><a href="/c/baskets">Baskets</a></li></ul></div>
    <div class="column"><h4>Garden</h4><ul><li><a href="/c/chairs">Chairs</a></li><li><a href="/c/tables">Tables</a></li><li><a href="/c/parasols">Parasols</a></li><li><a href="/c/planters">Planters</a></li><li><a href="/c/tools">Tools</a></li><li><a href="/c/hoses">Hoses</a></li><li><a href="/c/lights">Lights</a></li><li><a href="/c/heaters">Heaters</a></li><li><a href="/c/barbecues">Barbecues</a></li><li><a href="/c/sheds">Sheds</a></li><li><a href="/c/seeds">Seeds</a></li><li><a href="/c/compost">Compost</a></li></ul></div>
  </div>
</div>
</body></html>`;

const articlePage = `<!doctype html>
<html><head><title>Why we moved to PostgreSQL queues</title></head><body>
<nav><a href="/">Home</a> <a href="/blog">Blog</a> <a href="/about">About</a></nav>
<article>
  <h1>Why we moved to PostgreSQL queues</h1>
  <p class="byline">By Grace Hopper, 3 February 2026</p>
  <p>For years our jobs went through a queue server that <a href="/blog/old-queue">we wrote about before</a>. It worked, until it did not.</p>
  <p>We wanted <em>one</em> database to back up, one to monitor and one to reason about when something went wrong at night.</p>
  <img src="/img/queue-graph.png" alt="Jobs per second before and after">
  <p>Three things made the move possible:</p>
  <ul><li>SKIP LOCKED</li><li>advisory locks</li><li>LISTEN and NOTIFY</li></ul>
  <blockquote>Boring technology is a feature.</blockquote>
  <div class="calendar"><div class="day">1</div><div class="day">2</div><div class="day">3</div><div class="day">4</div><div class="day">5</div><div class="day">6</div><div class="day">7</div><div class="day">8</div><div class="day">9</div><div class="day">10</div><div class="day">11</div><div class="day">12</div><div class="day">13</div><div class="day">14</div><div class="day">15</div><div class="day">16</div><div class="day">17</div><div class="day">18</div><div class="day">19</div><div class="day">20</div><div class="day">21</div><div class="day">22</div><div class="day">23</div><div class="day">24</div><div class="day">25</div><div class="day">26</div><div class="day">27</div><div class="day">28</div></div>
  <p>The <a href="https://www.postgresql.org/docs/">PostgreSQL manual</a> tells the rest of the story better than we could.</p>
</article>
<footer><p>© 2026 Example Engineering. <a href="/privacy">Privacy</a></p></footer>
</body></html>`;

describe('html.extract finding repeated records', () => {
  it('finds the jobs on a job board, not its menu or its footer links', async () => {
    const result = await findAndPin(
      jobBoard,
      'https://hireboard.example/remote/engineering',
      ['title', 'company', 'link', 'location', 'salary'],
      {
        title: 'h2',
        link: link('a[href]'),
        company: '.company-name',
        location: '.job-location',
      },
    );
    expect(result.count).toBe(5);
    expect(result.records?.map((record) => record.title)).toEqual([
      'Backend Engineer',
      'Frontend Developer',
      'Site Reliability Engineer',
      'Data Engineer',
      'Engineering Manager',
    ]);
    expect(result.records?.[0]).toEqual({
      title: 'Backend Engineer',
      link: 'https://hireboard.example/jobs/101-backend-engineer',
      text: 'Backend Engineer Acme Corp · Berlin, Germany 2 days ago Go PostgreSQL',
      company: 'Acme Corp',
      location: 'Berlin, Germany',
      salary: null,
    });
    expect(result.records?.map((record) => record.company)).toEqual([
      'Acme Corp',
      'Globex',
      'Initech',
      'Umbrella',
      'Hooli',
    ]);
    expect(result.missing).toEqual(['salary']);
    expect(result.selector).toBe('ul.job-list > li.job');
    // The menu's items have descriptions and the footer has headings: the jobs win without fields too.
    const unnamed = await run({ html: jobBoard, records: { find: 'repeated' } });
    expect(unnamed.selector).toBe('ul.job-list > li.job');
    expect(unnamed.missing).toEqual([]);
  });

  it('matches field names however they are written: camelCase, words, plural; dates by their time element', async () => {
    const result = await run({
      html: jobBoard,
      baseUrl: 'https://hireboard.example/',
      records: { find: 'repeated', fields: ['jobTitle', 'companies', 'Job location', 'posted', 'url'] },
    });
    expect(result.records?.[1]).toEqual({
      title: 'Frontend Developer',
      link: 'https://hireboard.example/jobs/102-frontend-developer',
      text: 'Frontend Developer Globex · Remote (EU) 3 days ago TypeScript React',
      jobTitle: 'Frontend Developer',
      companies: 'Globex',
      'Job location': 'Remote (EU)',
      posted: '2026-01-11',
      url: 'https://hireboard.example/jobs/102-frontend-developer',
    });
    expect(result.missing).toEqual([]);
  });

  it('lets the fields asked for choose between two lists of cards', async () => {
    const baseUrl = 'https://climate.example/careers';
    const jobs = await findAndPin(careersPage, baseUrl, ['title', 'location', 'salary'], {
      title: 'h3',
      location: '.job-location',
      salary: '.salary',
    });
    expect(jobs.records?.map((record) => [record.title, record.location, record.salary])).toEqual([
      ['Battery Engineer', 'Porto', '€70k–€85k'],
      ['Data Scientist, Forecasting', 'Remote', '€80k–€95k'],
      ['Field Technician', 'Aberdeen', '£38k'],
    ]);
    expect(jobs.selector).toBe('section.openings > div.card');
    const employers = await findAndPin(careersPage, baseUrl, ['company', 'industry'], {
      industry: '.industry',
    });
    expect(employers.records?.map((record) => [record.title, record.industry, record.company])).toEqual([
      ['Sunforge', 'Solar manufacturing', null],
      ['Tidewell', 'Tidal energy', null],
      ['GreenGrid', 'Grid software', null],
      ['Carbonless', 'Carbon removal', null],
      ['Heatloop', 'Heat pumps', null],
    ]);
    expect(employers.missing).toEqual(['company']);
    expect(employers.selector).toBe('section.employers > div.card');
  });

  it('finds a grid of product cards laid out in rows, with prices and absolute image addresses', async () => {
    const result = await findAndPin(
      productGrid,
      'https://homestore.example/kitchen',
      ['name', 'price', 'image', 'link'],
      { title: 'h3', price: '.price', link: link('a[href]') },
    );
    expect(result.count).toBe(5);
    expect(result.records?.map((record) => [record.name, record.price])).toEqual([
      ['Steel Kettle 1.7 l', '€39.00'],
      ['Glass Kettle', '€45.50'],
      ['Two-slice Toaster', '€29.99'],
      ['Cast Iron Pan 28 cm', '€59.00'],
      ["Chef's Knife", '€74.00'],
    ]);
    expect(result.records?.map((record) => record.image)).toEqual([
      'https://homestore.example/img/steel-kettle.jpg',
      'https://homestore.example/img/glass-kettle.jpg',
      'https://homestore.example/img/toaster.jpg',
      'https://homestore.example/img/pan.jpg',
      'https://homestore.example/img/knife.jpg',
    ]);
    expect(result.records?.[0]?.link).toBe('https://homestore.example/p/steel-kettle');
    expect(result.missing).toEqual([]);
    expect(result.selector).toBe('section.catalog > div.row > div.col-md-4');
  });

  it('finds the people of a team page: name, role by its aria-label, photo, e-mail', async () => {
    const result = await findAndPin(
      teamPage,
      'https://lumen.example/team',
      ['name', 'role', 'photo', 'email'],
      {
        title: 'h3',
        role: '[aria-label="Role"]',
        email: '.email',
      },
    );
    expect(result.records?.map((record) => [record.title, record.name, record.role])).toEqual([
      ['Ada Lovelace', 'Ada Lovelace', 'Chief Executive Officer'],
      ['Grace Hopper', 'Grace Hopper', 'Chief Technology Officer'],
      ['Katherine Johnson', 'Katherine Johnson', 'Head of Data'],
      ['Alan Turing', 'Alan Turing', 'Research Engineer'],
    ]);
    expect(result.records?.map((record) => record.photo)).toEqual([
      'https://cdn.lumen.example/people/ada.jpg',
      'https://lumen.example/people/grace.jpg',
      'https://lumen.example/people/katherine.jpg',
      'https://lumen.example/people/alan.jpg',
    ]);
    expect(result.records?.map((record) => record.email)).toEqual([
      'ada@lumen.example',
      'grace@lumen.example',
      null,
      'alan@lumen.example',
    ]);
    expect(result.records?.[2]?.link).toBeNull();
    expect(result.records?.[0]?.link).toBe('mailto:ada@lumen.example');
    expect(result.missing).toEqual([]);
    expect(result.selector).toBe('section.team > div.person');
  });

  it('takes the jobs of every department of a careers page together', async () => {
    const result = await findAndPin(
      departmentsPage,
      'https://northwind.example/careers',
      ['title', 'location'],
      {
        title: 'h3',
        link: link('a'),
        location: '.location',
      },
    );
    expect(result.records?.map((record) => [record.title, record.location])).toEqual([
      ['Staff Engineer, Payments', 'London'],
      ['Mobile Engineer (iOS)', 'Remote, Europe'],
      ['Security Engineer', 'Amsterdam'],
      ['Product Designer', 'London'],
      ['Finance Manager', 'Dublin'],
      ['Office Coordinator', 'London'],
    ]);
    expect(result.records?.[4]?.link).toBe('https://boards.example/northwind/jobs/9');
    expect(result.selector).toBe('#openings > section.department > ul.jobs > li.job');
  });

  it('reads a table of results: the rows with cells, fields by their column headings', async () => {
    const result = await findAndPin(
      resultsTable,
      'https://races.example/city-marathon/2026',
      ['rank', 'name', 'club', 'time'],
      {
        title: 'a',
        link: link('a[href]'),
      },
    );
    expect(result.count).toBe(5);
    expect(result.records?.map((record) => [record.rank, record.name, record.club, record.time])).toEqual([
      ['1', 'Ada Lovelace', 'London AC', '2:31:07'],
      ['2', 'Grace Hopper', 'Navy Runners', '2:33:40'],
      ['3', 'Emmy Noether', 'Erlangen LV', '2:35:12'],
      ['4', 'Lise Meitner', null, '2:36:58'],
      ['5', 'Marie Curie', 'Paris UC', '2:38:01'],
    ]);
    expect(result.records?.[0]).toMatchObject({
      title: 'Ada Lovelace',
      link: 'https://races.example/runners/4411',
      text: '1 Ada Lovelace London AC 2:31:07',
    });
    expect(result.selector).toBe('table.results > tbody > tr:has(> td)');
    expect(result.missing).toEqual([]);
  });

  it('finds the articles of a blog index, not its sidebar, with dates and authors', async () => {
    const result = await findAndPin(
      blogIndex,
      'https://eng.example.com/blog',
      ['title', 'date', 'excerpt', 'author', 'url'],
      {
        title: 'h2',
        excerpt: '.excerpt',
        author: '.author',
        url: link('a[href]'),
      },
    );
    expect(result.records).toEqual([
      {
        title: 'Queues without a queue server',
        link: 'https://eng.example.com/blog/2026/queues',
        text: 'Queues without a queue server 3 February 2026 How we moved our job queue into PostgreSQL and stopped paging people at night. by Grace Hopper Read more',
        date: '2026-02-03',
        excerpt: 'How we moved our job queue into PostgreSQL and stopped paging people at night.',
        author: 'Grace Hopper',
        url: 'https://eng.example.com/blog/2026/queues',
      },
      expect.objectContaining({ title: 'Flaky tests are bugs', date: '2026-01-20', author: 'Ada Lovelace' }),
      expect.objectContaining({
        title: 'Small files, full words',
        date: '2025-12-15',
        author: 'Alan Turing',
      }),
    ]);
    expect(result.selector).toBe('main > article.post');
    // Two dozen topic links are more items, but each only a word or two of link.
    const unnamed = await run({ html: blogIndex, records: { find: 'repeated' } });
    expect(unnamed.selector).toBe('main > article.post');
  });

  it('leaves out the promoted items a feed mixes in among its posts', async () => {
    const result = await findAndPin(communityFeed, 'https://forum.example/', [], {
      title: 'h3',
      link: link('a[href]'),
    });
    expect(result.records?.map((record) => record.title)).toEqual([
      'Which heat pump for a 1930s house?',
      'Our first winter with solar and a battery',
      'Insulating a loft: what we learned',
      'Is a smart thermostat worth it?',
    ]);
    expect(result.selector).toBe('div.feed > div.post');
  });

  it('takes schema.org microdata items over a plainer list, and reads their itemprops', async () => {
    const result = await findAndPin(
      eventsWithMicrodata,
      'https://whatson.example/march',
      ['name', 'startDate', 'location', 'price'],
      { title: '[itemprop="name"]', link: link('a[href]'), location: '[itemprop="location"]' },
    );
    expect(
      result.records?.map((record) => [record.title, record.startDate, record.location, record.price]),
    ).toEqual([
      ['String Quartet Night', '2026-03-04T19:30', 'Studio Two', '£18'],
      ['Big Band Saturday', '2026-03-07T20:00', 'The Great Hall', '£25'],
      ['Organ Recital', '2026-03-12T18:00', 'The Great Hall', null],
    ]);
    expect(result.records?.[1]?.link).toBe('https://whatson.example/events/big-band');
    expect(result.missing).toEqual([]);
    expect(result.selector).toBe('div.listing > div.event');
    // Six venue cards with headings against three events: the items the page marks up win.
    const unnamed = await run({ html: eventsWithMicrodata, records: { find: 'repeated' } });
    expect(unnamed.selector).toBe('div.listing > div.event');
  });

  it('passes over a cookie banner and the pagination to the search results', async () => {
    const result = await findAndPin(
      searchWithCookieBanner,
      'https://search.example/search?q=solar+panels',
      ['title', 'link', 'snippet'],
      {
        title: 'h3',
        link: link('a[href]'),
        snippet: '.snippet',
      },
    );
    expect(result.records?.map((record) => record.link)).toEqual([
      'https://energy.example.org/guides/solar',
      'https://www.example.com/solar-costs',
      'https://diy.example.net/solar-roof',
      'https://search.example/news/solar-subsidies',
    ]);
    expect(result.records?.[3]).toMatchObject({ title: 'Solar subsidies in your region', snippet: null });
    expect(result.missing).toEqual([]);
    expect(result.selector).toBe('#results > div.result');
    const unnamed = await run({ html: searchWithCookieBanner, records: { find: 'repeated' } });
    expect(unnamed.selector).toBe('#results > div.result');
  });

  it("takes a landing page's feature cards, not its sections, each of which holds a list", async () => {
    const result = await findAndPin(landingPage, 'https://warmly.example/', [], { title: 'h3' });
    expect(result.records?.map((record) => record.title)).toEqual([
      'Surveyed in a day',
      'Fixed price',
      'Ten years of care',
    ]);
    expect(result.selector).toBe('div.features > div.feature');
  });

  it("takes a product page's related products, not its columns of department links", async () => {
    const result = await findAndPin(productPage, 'https://homestore.example/p/steel-kettle', [], {
      title: 'a',
      link: link('a'),
    });
    expect(result.records?.map((record) => [record.title, record.link])).toEqual([
      ['Glass Kettle', 'https://homestore.example/p/glass-kettle'],
      ['Two-slice Toaster', 'https://homestore.example/p/two-slice-toaster'],
      ['Tea Infuser', 'https://homestore.example/p/tea-infuser'],
      ['Set of 4 Mugs', 'https://homestore.example/p/mug-set'],
    ]);
    expect(result.selector).toBe('div.related > div.tile');
  });

  it('takes links that wrap cards as records, and not the plain link beside them', async () => {
    const cards = [
      ['lisbon', 'Lisbon in four days', 'Trams, tiles and the best custard tarts.'],
      ['porto', 'A weekend in Porto', 'Port cellars and the Douro at sunset.'],
      ['madeira', 'Walking Madeira', 'Levadas, cliffs and laurel forests.'],
    ];
    const html = `<h2>Guides</h2><div class="guides">${cards
      .map(
        ([slug, title, summary]) =>
          `<a href="/guides/${slug}"><img src="/img/${slug}.jpg" alt=""><h3>${title}</h3><p>${summary}</p></a>`,
      )
      .join('')}<a href="/guides">See all guides</a></div>`;
    const result = await findAndPin(html, 'https://travel.example/', [], { title: 'h3' });
    expect(result.records?.map((record) => [record.title, record.link])).toEqual([
      ['Lisbon in four days', 'https://travel.example/guides/lisbon'],
      ['A weekend in Porto', 'https://travel.example/guides/porto'],
      ['Walking Madeira', 'https://travel.example/guides/madeira'],
    ]);
    expect(result.selector).toBe('div.guides > a:has(h1, h2, h3, h4, h5, h6, img, div, p)');
  });

  it('finds nothing on a page without repeated records, and says so when records are required', async () => {
    const lenient = await run({
      html: articlePage,
      baseUrl: 'https://eng.example.com/blog/queues',
      records: { find: 'repeated', fields: ['title', 'price'] },
      fields: { heading: 'h1' },
    });
    expect(lenient).toEqual({
      records: [],
      count: 0,
      selector: undefined,
      missing: ['title', 'price'],
      fields: { heading: 'Why we moved to PostgreSQL queues' },
    });
    const error = await run({
      html: articlePage,
      records: { find: 'repeated' },
      required: true,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).code).toBe('invalid_input');
    expect((error as ToolError).message).toMatch(/No repeated records were found on this page/);
    expect((error as ToolError).message).toMatch(/CSS selector instead/);
  });

  it('refuses field lists it cannot use: too many, or names too long', () => {
    const fields = Array.from({ length: 21 }, (_, index) => `field${index}`);
    expect(htmlExtractTool.input.safeParse({ html: '', records: { find: 'repeated', fields } }).success).toBe(
      false,
    );
    expect(
      htmlExtractTool.input.safeParse({ html: '', records: { find: 'repeated', fields: ['x'.repeat(41)] } })
        .success,
    ).toBe(false);
    expect(htmlExtractTool.input.safeParse({ html: '', records: { find: 'all' } }).success).toBe(false);
  });

  it('reads a page of about 5 MB', async () => {
    const job = (index: number) =>
      `<li class="job"><div class="job-card"><h2 class="job-title"><a href="/jobs/${index}">Engineer number ${index}</a></h2><span class="company-name">Company ${index % 97}</span><span class="job-location">City ${index % 13}</span><p>${'Builds and runs things. '.repeat(4)}</p></div></li>`;
    const jobs = Array.from({ length: 16_500 }, (_, index) => job(index)).join('\n');
    const html = jobBoard.replace(
      /<ul class="job-list">[\s\S]*?<\/ul>\s*<\/main>/,
      `<ul class="job-list">${jobs}</ul></main>`,
    );
    expect(html.length).toBeGreaterThan(5_000_000);
    const result = await run({
      html,
      baseUrl: 'https://hireboard.example/',
      records: { find: 'repeated', fields: ['company', 'location'] },
    });
    expect(result.count).toBe(16_500);
    expect(result.records?.[16_499]).toMatchObject({ title: 'Engineer number 16499', company: 'Company 9' });
  });
});

describe('findRepeatedRecords', () => {
  it('groups records whose classes differ only by state or by a build hash', () => {
    const html = `<div class="Results_list__x8Yq2"><div class="Results_item__a1B2c3 result">
      <h3><a href="/a">First result here</a></h3><p>Some words about the first result.</p></div>
      <div class="Results_item__a1B2c3 result is-highlighted active"><h3><a href="/b">Second result here</a></h3><p>Some words about the second.</p></div>
      <div class="Results_item__a1B2c3 result"><h3><a href="/c">Third result here</a></h3><p>Some words about the third result.</p></div></div>`;
    const $ = load(html);
    const found = findRepeatedRecords($, new FieldNames([]));
    expect(found?.elements).toHaveLength(3);
    expect(found?.selector).toBe('div > div.result');
    expect($(found?.selector).length).toBe(3);
  });

  it('tells state and generated class names from the names people write', () => {
    expect(
      ['css-1q2w3e4', 'Card_title__a8Bc1', 'x1n2onr6', 'sc-bdVaJa', 'jsx-2843105'].filter(isGeneratedName),
    ).toHaveLength(5);
    expect(['col-md-4', 'job-card', 'h-100', 'product', 'grid-cols-3'].filter(isGeneratedName)).toEqual([]);
    const element = load('<li class="job odd first-child is-open job--active md:w-1/2 job">x</li>')('li').get(
      0,
    );
    expect(element && stableClasses(element)).toEqual(['job']);
  });
});
