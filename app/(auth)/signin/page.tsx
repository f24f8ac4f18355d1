import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/app/_components/auth-form";
import { currentSession } from "@/lib/web/session";
import { signInAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signInTitle") };
}

export default async function SignInPage() {
  if (await currentSession()) redirect("/home");
  const t = await getTranslations();
  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("auth.signInTitle")}</h1>
      <AuthForm mode="signIn" action={signInAction} />
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        {t("auth.noAccount")}{" "}
        <Link href="/signup" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {t("nav.signUp")}
        </Link>
      </p>
    </div>
  );
}
