// The outline `briefdeck init` writes: every slide type once, with short comments, valid as it stands.
export const STARTER_OUTLINE = `# yaml-language-server: $schema=outline.schema.json
# A starter briefing written by \`briefdeck init\`: every slide type once. Build it with
#   npx briefdeck build decks/__NAME__.yaml
# then replace the example content with yours. The outline format is in README.md.

deck:
  title: __TITLE__
  subtitle: A one-line summary of the briefing
  date: 2024-10-21              # also fixes the file's timestamps, so rebuilds give the same bytes
  organisation: Your team
  language: en                  # BCP 47: en, en-GB, zh-CN, ...
  theme: briefing               # briefing (light) or midnight (dark), or a custom theme map

sources:                        # where the numbers come from; cited in slide footers automatically
  report:
    title: Annual report 2023 (example)
    publisher: Example Agency
    date: 2024-03-31
    url: https://example.org/annual-report-2023

facts:                          # every figure once; refer to it as {id} in text, or by id in charts
  revenue_2023:
    value: 12.4
    scale: billion
    currency: USD
    label: Revenue, 2023
    source: report
  revenue_2022:
    value: 11.1
    scale: billion
    currency: USD
    label: Revenue, 2022
    source: report
  staff:
    value: 5400
    unit: staff
    label: Staff at year end
    source: report
  growth:                       # a number no source states: computed, and marked † with its formula
    derived: (revenue_2023 - revenue_2022) / revenue_2022 * 100
    decimals: 1
    unit: '%'
    label: Revenue growth

slides:
  - type: title                 # title, subtitle and byline come from deck:

  - type: agenda                # lists the section slides below

  - type: section
    title: Where we stand

  - type: bullets
    title: Three things to know
    bullets:
      - Revenue reached **{revenue_2023}** in 2023
      - text: Growth of {growth} on the year before
        sub:
          - Computed from the two annual figures
      - Headcount stood at {staff}
    notes: Speaker notes go here; every content slide should have some.

  - type: stats                 # 2 to 6 big numbers
    title: The year in numbers
    stats:
      - fact: revenue_2023
      - fact: growth
      - fact: staff
    notes: One number per card; labels come from the facts.

  - type: chart
    title: Revenue by year
    chart:
      kind: bar                 # bar, hbar, stacked-bar, line, area, pie, doughnut, combo
      labels: ["2022", "2023"]
      series:
        - name: Revenue
          values: [revenue_2022, revenue_2023]
      unit: billion dollars
      data_labels: true
    notes: Charts are pictures by default, so they look the same in PowerPoint and Keynote.

  - type: text-chart            # bullets beside a chart
    title: Where the revenue came from
    bullets:
      - Services grew fastest
      - Products held steady
    chart:
      kind: doughnut
      labels: [Services, Products]
      series:
        - name: Share of revenue
          values: [58, 42]
      unit: '%'
      highlight: Services       # the slice the slide is about: its share goes in the hole
    notes: The split is illustrative; pie and doughnut slices show their shares by default.

  - type: quote
    quote: Short quotes work best on a slide of their own.
    attribution: A speaker, at an event
    notes: Keep quotes under about 25 words.

  - type: table
    title: Key figures
    header: [Indicator, "2022", "2023"]
    rows:
      - [Revenue, "{revenue_2022}", "{revenue_2023}"]
      - [Staff, "", "{staff}"]
    caption: Numeric columns are right-aligned
    notes: Tables take their column widths from their content.

  - type: section
    title: What comes next

  - type: timeline
    title: Milestones
    events:
      - date: "2022"
        title: Strategy adopted
      - date: "2023"
        title: Record revenue
        text: "{revenue_2023}"
      - date: "2024"
        title: Expansion abroad
    notes: Two to eight dated events, oldest first.

  - type: image
    title: Our logo, as an example picture
    image: briefdeck-logo.png   # looked up beside the outline, in its assets/, or in ../assets/
    alt: The briefdeck logo, a green bar-chart mark beside the word briefdeck
    caption: Pictures keep their aspect ratio
    notes: Every picture needs alt text.

  - type: sources               # lists every source the deck cites

  - type: closing
    subtitle: Questions and discussion
    contact: your.name@example.org
`;
