"""Practice plan: spaced repetition over competencies and bank questions, from the scores already stored."""
