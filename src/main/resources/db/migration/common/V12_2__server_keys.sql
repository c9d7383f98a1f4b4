-- Random keys shared by every node (accounts.ServerKeys), each encrypted with the SecretVault keyset.
create table server_keys (
    name   varchar(40)  primary key,
    secret varchar(500) not null
);
