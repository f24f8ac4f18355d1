import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthForm } from "@/app/_components/auth-form";
import { currentSession } from "@/lib/web/session";
import { signUpAction } from "../actions";

export async function generateMetadata() {
  const t = await getTranslations("auth");
  return { title: t("signUpTitle") };
}

export default async function SignUpPage() {
  if (await currentSession()) redirect("/home");
  const t = await getTranslations();
  return (
    <div className="mx-auto w-full max-w-sm">
      <h1 className="mb-6 text-2xl font-semibold">{t("auth.signUpTitle")}</h1>
      <AuthForm mode="signUp" action={signUpAction} />
      <p className="mt-6 text-sm text-slate-700 dark:text-slate-300">
        {t("auth.haveAccount")}{" "}
        <Link href="/signin" className="font-medium text-indigo-700 underline dark:text-indigo-300">
          {t("nav.signIn")}
        </Link>
      </p>
    </div>
  );
}
