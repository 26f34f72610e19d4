"""Online evaluations at scale: the results store that makes a run resumable, the pools of
workers that run its episodes side by side (on phones of their own, or on attached devices
reached through their state channel: `automator.runs.attached`), and the HTML report.

An evaluation's folder holds:

    run.json        what the run is (suite, planner, seeds, realism...) and how it was started
                    (command, code version): a second start with other settings is refused
    results.jsonl   one line per finished episode, appended and fsync'd as each one ends
    summary.json    the figures, rewritten after each episode (`automator.evaluate`)
    report.html     the same figures for people, self-contained (`automator.runs.report`)
    <task>/seed-<n>/  each episode's recording

Starting an evaluation again in the same folder resumes it: the episodes in results.jsonl are
kept, the others are run (again, from a clean folder, when one was cut short).
"""
