import { z } from "zod";

// Every schema has its own Persian messages for what a person can get wrong; zod's Persian
// locale covers the rest (a forged call's wrong types), so no English reaches a form.
z.config(z.locales.fa());
