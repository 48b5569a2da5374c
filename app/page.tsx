import { requireUser } from "@/lib/auth/current-user";
import { HolderHome } from "@/app/(holder)/holder-home";
import { ExpertHome } from "@/app/(expert)/expert-home";
import { AdminHome } from "@/app/(admin)/admin-home";

export default async function HomePage() {
  const user = await requireUser();
  switch (user.role) {
    case "HOLDER":
      return <HolderHome user={user} />;
    case "EXPERT":
      return <ExpertHome user={user} />;
    case "ADMIN":
      return <AdminHome user={user} />;
  }
}
