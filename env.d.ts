interface ImportMetaEnv {
  readonly WXT_HH_CLIENT_ID?: string;
  readonly WXT_HH_CLIENT_SECRET?: string;
}
